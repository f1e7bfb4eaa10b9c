import MarqueeCore

/// The panes of the reader.
public enum Pane: Sendable, Hashable, CaseIterable {
  case list, detail, gallery
}

/// Everything the reader shows, as one value. `update` makes the next state from an
/// action; `render` draws a state. Nothing else changes it, so every screen can be
/// reproduced from the actions that led to it.
public struct ReaderState: Sendable {
  /// Every loaded article. Grows while loading.
  public internal(set) var store: ArticleStore
  /// The search index over the store's articles, growing with it.
  public internal(set) var index: SearchIndex
  /// The rows of the list as article ids: the results of the active search, or nil
  /// when the list shows every article in id order. Ids rather than copies, so a
  /// search over 100,000 articles or a batch arriving copies no article.
  public internal(set) var rows: [ArticleID]?
  /// How the list is ordered (`s`), and the rows in their natural order (the search's
  /// hits by relevance; nil for every article in id order), which `rows` arranges.
  public internal(set) var order = ListOrder.natural
  public internal(set) var filter = ListFilter.all
  /// The selected article's folder when `F` left `all`, for its folder step.
  var filterFolder: String?
  /// Each listed article's id by path, made when files first change under the reader.
  var pathIDs: [String: ArticleID]?
  /// What the parts of a look at the folders have changed so far.
  var reloadTally = ReloadTally()
  /// The columns after the title in the list, those that fit shown.
  public var listColumns = ListColumn.standard
  var naturalRows: [ArticleID]?
  /// Loading progress while articles are still arriving; nil once all have.
  public internal(set) var loading: LoadingStatus?
  /// The search being typed or kept; nil when the list shows everything.
  public var search: SearchState?
  /// Index into `articles` of the selected row.
  public var selection = 0
  /// The first list row on screen.
  public var listTop = 0
  public var focus: Pane = .list
  public var galleryOpen = false
  /// The selected image in the gallery-caption pane.
  public var gallerySelection = 0
  /// The first line of the gallery-caption pane on screen.
  public var galleryTop = 0
  /// The first line of the article on screen.
  public var detailTop = 0
  /// Set by `G` in the article while it is still being laid out: the pane stays at the
  /// end as the rest is laid out, step by step, rather than the key waiting for it all.
  var detailFollowsEnd = false
  /// Each article's marks, by id: read, flagged. Grows with the store.
  public internal(set) var marks: [Marks] = []
  /// How many articles are not marked read.
  public internal(set) var unreadCount = 0
  /// The marks kept between runs, for articles as they arrive.
  var markBook: MarkBook
  /// The article last shown in the article pane, so it is marked read once, not at
  /// every key (`m` can make it unread while it stays open).
  var lastOpened: ArticleID?
  /// Searches accepted with Enter, oldest first, kept between runs: ↑ on the query line
  /// recalls them.
  public internal(set) var searchHistory: [String] = []
  /// Where the reader was when these paths were last open, until it is restored (the
  /// article has arrived and is listed) or a key makes it moot.
  var pendingPlace: ReadingPlace?
  /// The remembered article's id, once it has arrived.
  var placeID: ArticleID?
  /// The files and folders the reader was opened on, as the user named them: the
  /// article pane names its file relative to the folder it came from.
  public var openedPaths: [String] = []
  /// The kept search `/` is changing, which Esc puts back.
  var keptSearch: KeptSearch?
  /// The `|` prompt, while a command is typed.
  public internal(set) var prompt: PromptState?
  /// Whether `y`/`Y` may write to the terminal's clipboard (`MARQUEE_OSC52=1`).
  public var clipboardAllowed = false
  /// The `?` help, while it is open.
  public internal(set) var help: HelpState?
  /// A one-line note for the status bar, cleared by the next key.
  public var message: String?
  public var size: Size
  /// What the action being applied asks of the world, handed out by `update` (and
  /// always empty in the state it returns).
  var effects: [Effect] = []
  /// The selected article's layout, kept between keys (see `refreshDetailCache`).
  var detailCache: DetailCache?
  /// The gallery pane's layout while it is open, kept between keys.
  var galleryCache: GalleryCache?
  /// Whether queries run on another thread rather than inside `update`: the terminal
  /// reader sets this, so a key costs the same whatever the query matches; tests and
  /// scripts keep the simpler inline search.
  public var searchesInBackground = false
  /// The background search whose hits are awaited (asked for with `Effect.runSearch`;
  /// they come back as `Action.searchFinished`). Nil when none is.
  public internal(set) var awaitedSearch: SearchRequest?
  /// The id of the last search requested, so a late answer to an older one is dropped.
  var lastSearchID = 0

  /// A reader over these articles, in the order given.
  public init(articles: [Article], size: Size) {
    self.init(store: ArticleStore(articles: articles), size: size)
  }

  /// A reader over a store and an index of the same articles (built here when not
  /// given); `loading` when more are still to come.
  public init(
    store: ArticleStore, index: SearchIndex? = nil, size: Size, loading: LoadingStatus? = nil,
    markBook: MarkBook = MarkBook()
  ) {
    precondition(index.map { $0.articleCount == store.count } ?? true, "index and store differ")
    self.store = store
    self.index = index ?? SearchIndex(articles: store.articles)
    self.markBook = markBook
    self.size = size
    self.loading = loading
    takeMarks(of: store.articles)
  }

  /// How many rows the list has.
  public var rowCount: Int { rows?.count ?? store.count }

  /// The id of the article on a list row.
  public func document(atRow row: Int) -> ArticleID { rows?[row] ?? row }

  public func article(atRow row: Int) -> Article { store[document(atRow: row)] }

  /// The articles in list order. O(rows): for tests and scripts, not for drawing.
  public var listedArticles: [Article] { (0..<rowCount).map(article(atRow:)) }

  public var selectedArticle: Article? {
    (0..<rowCount).contains(selection) ? article(atRow: selection) : nil
  }
}

/// How far loading has got: files read out of files found (unknown while the folders
/// are still being walked).
public struct LoadingStatus: Sendable, Hashable {
  public var filesRead: Int
  public var filesFound: Int?

  public init(filesRead: Int = 0, filesFound: Int? = nil) {
    self.filesRead = filesRead
    self.filesFound = filesFound
  }
}

/// A query for the session to run off the reader's thread, and what to do with its hits.
public struct SearchRequest: Sendable {
  /// Increases with every request: only the latest one's hits are shown.
  public let id: Int
  public let query: SearchQuery
  /// The article to keep selected if it is among the hits.
  let keeping: Int?
  /// The credit searched for with `C`, named in the status bar with the count.
  let credit: String?
}

/// Where the list was: the selected article and the scroll of the list and the article.
public struct ListPlace: Sendable, Equatable {
  public var selected: ArticleID?
  public var listTop: Int
  public var detailTop: Int
}

/// A kept search as it was when `/` began to change it: Esc while typing puts it back.
struct KeptSearch: Sendable {
  let search: SearchState
  let rows: [ArticleID]?
  let place: ListPlace
}

/// A search in the reader: the query line, and what it matched.
public struct SearchState: Sendable, Equatable {
  /// The text on the query line.
  public var query: String
  /// Whether keys are going to the query line (after `/`) rather than moving around.
  public var isEditing: Bool
  /// The words highlighted: those of the query whose results are shown. They change
  /// when results arrive, not at every key, so that typing never lays out the selected
  /// article again (a 1 MiB article took 250 ms a key).
  public var terms: [HighlightTerm] = []
  /// How many articles matched the last query that parsed.
  public var matchCount: Int = 0
  /// Why the text on the line is not a query yet (an unclosed quote while typing).
  public var problem: String?
  /// The query as run: the text on the line, with the word being typed taken as a
  /// prefix while typing (`beyon` runs as `beyon*`), so the list never empties mid-word.
  public var runQuery = ""
  /// With no matches, the query with its unknown words corrected (`oscr` → `oscar`),
  /// which Tab puts on the line.
  public var suggestion: String?
  /// Where the list was before the search began, which Esc comes back to.
  public var before: ListPlace?
  /// Set by Enter while the hits are still to come: if there are none, the list goes
  /// back to what it was rather than emptying.
  var confirming = false
  /// While ↑/↓ browse earlier searches: which one is on the line, and what was typed
  /// before (put back past the newest).
  public var recalled: Int?
  public var draft = ""
}
