import MarqueeCore

/// The panes of the reader.
public enum Pane: Sendable, Hashable, CaseIterable {
  case list, detail, gallery
}

/// Everything the reader shows, as one value. `update` makes the next state from an
/// action; `render` draws a state. Nothing else changes it, so every screen can be
/// reproduced from the actions that led to it.
public struct ReaderState: Sendable {
  public var articles: [Article]
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
  public var helpVisible = false
  /// A one-line note for the status bar, cleared by the next key.
  public var message: String?
  public var size: Size
  public var shouldQuit = false
  /// Set by Ctrl-L: the terminal should repaint everything.
  public var redrawRequested = false

  public init(articles: [Article], size: Size) {
    self.articles = articles
    self.size = size
  }

  public var selectedArticle: Article? {
    articles.indices.contains(selection) ? articles[selection] : nil
  }
}
