import MarqueeCore

/// Something that happened: a key, a new terminal size, or articles arriving.
public enum Action: Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case command(Command)
  case resize(Size)
  /// Loading has found this many files to read.
  case filesFound(Int)
  /// More articles, loaded and indexed, and how many files have been read so far.
  case articlesArrived(SearchIndex.Batch, filesRead: Int)
  /// Every file has been read.
  case loadingFinished(LoadReport)
  /// The hits of the background search with this `SearchRequest.id`.
  /// With none, the query with its unknown words corrected, if any is close enough.
  case searchFinished(id: Int, hits: [SearchHit], suggestion: String? = nil)
  /// Time to lay out more of a long article (`ReaderState.isLayingOut`): the session
  /// sends this while no key is waiting.
  case layoutStep
  /// Something the user should know that no key caused (saving marks failed): a note
  /// in the status bar until the next key.
  case notice(String)
  /// Another program ended; what to say about it, if anything.
  case programFinished(String?)
  /// An article's file, read again after an editor closed it.
  case reread(ArticleID, Article)
  /// Files under the opened folders came, changed or went.
  case libraryChanged(LibraryChange)
}

/// What an action asks of the world beyond the reader's state, for the loop to carry out
/// (as Bubble Tea's `Update` returns commands): a new kind of effect is a case here and
/// a line in the loop, not a flag the loop polls.
public enum Effect: Sendable {
  /// Leave the reader.
  case quit
  /// Repaint every cell of the terminal (Ctrl-L).
  case redraw
  /// Run this search away from the key's path; its hits come back as
  /// `Action.searchFinished`. A newer request supersedes it.
  case runSearch(SearchRequest)
  /// The search asked for last is not wanted any more: its answer will be ignored.
  case cancelSearch
  /// These articles' marks changed: write them to the state kept between runs.
  case saveMarks([MarkRecord])
  /// Hand the terminal to another program; what happened comes back as
  /// `Action.programFinished` (and `Action.reread` after an editor).
  case run(OtherProgram)
  /// Put this text on the terminal's clipboard (OSC 52).
  case copy(String)
  /// Look at every opened folder again now; what changed comes back as
  /// `Action.libraryChanged`.
  case reload
}

/// The next state of the reader, and the effects the action asks for. Pure: no I/O, no
/// clock, so tests can drive the reader with a list of actions and check the screen.
public func update(_ state: ReaderState, _ action: Action, keymap: Keymap = .standard)
  -> (state: ReaderState, effects: [Effect])
{
  var next = state
  next.effects = []
  next.apply(action, keymap: keymap)
  let effects = next.effects
  next.effects = []
  return (next, effects)
}

extension ReaderState {
  /// `update` without the effects' hand-over: the state changes, and the effects gather
  /// in `effects` as the action is carried out.
  fileprivate mutating func apply(_ action: Action, keymap: Keymap) {
    refreshDetailCache()
    switch action {
    case .resize(let size):
      resize(to: size)
    case .key(let key):
      take(key, keymap: keymap)
    case .mouse(let event):
      take(event, keymap: keymap)
    case .command(let command):
      perform(command)
    case .filesFound(let count):
      filesFound(count)
    case .articlesArrived(let batch, let filesRead):
      receive(batch, filesRead: filesRead)
    case .loadingFinished(let report):
      finishLoading(report)
    case .searchFinished(let id, let hits, let suggestion):
      finishSearch(id: id, hits: hits, suggestion: suggestion)
    case .layoutStep:
      detailCache?.step()
    case .notice(let text):
      message = text
    case .programFinished(let note):
      message = note
      effects.append(.redraw)
    case .reread(let id, let article):
      reread(id, as: article)
    case .libraryChanged(let change):
      applyLibraryChange(change)
    }
    restorePlaceIfListed()
    refreshDetailCache()
    keepInView()
    markOpenArticleRead()
  }

  /// A key goes to the first taker: Ctrl-C quits at once from anywhere (the help, the
  /// search line, any pane); then the help, the query line, and the keymap.
  private mutating func take(_ key: Key, keymap: Keymap) {
    userActed()
    if keymap.command(for: key) == .forceQuit {
      effects.append(.quit)
    } else if help != nil {
      helpKey(key, keymap: keymap)
    } else if editPrompt(key, keymap: keymap) {
      return
    } else if editSearch(key, keymap: keymap) {
      refreshDetailCache()
    } else if let command = keymap.command(for: key) {
      perform(command)
    } else {
      message = "\(key) does nothing here; press ? for help"
    }
  }
}

extension ReaderState {
  /// A key or a click: the note goes, and the place of the last run is not brought back
  /// over where the user has moved to.
  mutating func userActed() {
    message = nil
    detailFollowsEnd = false
    pendingPlace = nil
    placeID = nil
  }

  var layout: ReaderLayout { ReaderLayout(size: size, focus: focus, galleryOpen: galleryOpen) }

  /// The detail pane's rectangle, or on a narrow screen the one it would have if shown.
  var detailRectForLayout: Rect? {
    ReaderLayout(size: size, focus: .detail, galleryOpen: galleryOpen).detail
  }

  var galleryRectForLayout: Rect? {
    ReaderLayout(size: size, focus: .gallery, galleryOpen: true).gallery
  }

  mutating func perform(_ command: Command) {
    switch command {
    case .quit:
      backOutOrQuit()
    case .quitAll, .forceQuit: effects.append(.quit)
    case .help: openHelp()
    case .redraw: effects.append(.redraw)
    case .next: move(by: 1)
    case .previous: move(by: -1)
    case .first: move(by: Int.min / 2)
    case .last:
      detailFollowsEnd = focus == .detail
      move(by: Int.max / 2)
    case .pageDown: move(by: pageSize)
    case .pageUp: move(by: -pageSize)
    case .halfPageDown: move(by: max(1, pageSize / 2))
    case .halfPageUp: move(by: -max(1, pageSize / 2))
    case .open: open()
    case .back: back()
    case .nextPane: cycleFocus()
    case .toggleGallery: toggleGallery()
    case .search: beginSearch()
    case .nextMatch: jumpToMatch(forward: true)
    case .previousMatch: jumpToMatch(forward: false)
    case .searchCredit: searchSelectedCredit()
    case .toggleRead: toggle(.read, done: "Marked read", undone: "Marked unread")
    case .toggleFlag: toggle(.flagged, done: "Flagged", undone: "Flag removed")
    case .nextUnread: selectNextUnread()
    case .cycleOrder: cycleOrder()
    case .cycleFilter: cycleFilter()
    case .openURL: openInBrowser()
    case .viewInPager: openInPager()
    case .edit: openInEditor()
    case .pipe: beginPipe()
    case .copyPath: copy(url: false)
    case .copyURL: copy(url: true)
    case .reload: reload()
    }
  }

  private var pageSize: Int {
    switch focus {
    case .list: ListPane.articleRows(in: layout.list)
    case .detail: ReaderLayout.visibleRows(detailRectForLayout)
    case .gallery: 1
    }
  }

  /// Moves whatever has focus: the list selection, the article text, or the image.
  private mutating func move(by delta: Int) {
    switch focus {
    case .list:
      let target = clamp(
        selection.addingReportingOverflow(delta).partialValue, 0, rowCount - 1)
      if target != selection { select(target) }
    case .detail:
      detailTop = clamp(detailTop.addingReportingOverflow(delta).partialValue, 0, maxDetailTop)
    case .gallery:
      let count = selectedArticle?.imageCount ?? 0
      let step = delta > 1 ? 1 : delta < -1 ? -1 : delta
      let target = abs(delta) >= Int.max / 4 ? (delta > 0 ? count - 1 : 0) : gallerySelection + step
      gallerySelection = clamp(target, 0, count - 1)
    }
  }

  mutating func select(_ index: Int) {
    selection = index
    detailTop = 0
    detailFollowsEnd = false
    gallerySelection = 0
    galleryTop = 0
  }

  var maxDetailTop: Int {
    guard let document = detailDocument else { return 0 }
    return max(0, document.lines.count - ReaderLayout.visibleRows(detailRectForLayout))
  }

  private mutating func open() {
    switch focus {
    case .list:
      if selectedArticle != nil { focus = .detail }
    case .detail:
      break
    case .gallery:
      refreshDetailCache()
      guard let line = detailCache?.layout.line(ofImage: gallerySelection) else { return }
      // A screen of lines under the image, for the scroll to reach it.
      let below = line + ReaderLayout.visibleRows(detailRectForLayout)
      detailCache?.layout.layOut(throughLine: below)
      detailTop = min(line, maxDetailTop)
      if !layout.isWide { focus = .detail }
    }
  }

  /// `q`, as in newsboat and mutt: closes what is open, one level at a time (the help,
  /// the credits pane, the article), and quits from the list.
  private mutating func backOutOrQuit() {
    if help != nil {
      help = nil
    } else if galleryOpen {
      toggleGallery()
    } else if focus == .detail {
      back()
    } else {
      effects.append(.quit)
    }
  }

  private mutating func back() {
    switch focus {
    case .list:
      if search != nil { clearSearch() } else { message = "Press q to quit" }
    case .detail: focus = .list
    case .gallery: focus = .detail
    }
  }

  /// `C` in the gallery-caption pane: every article with an image from this credit.
  private mutating func searchSelectedCredit() {
    guard focus == .gallery, let images = selectedArticle?.images,
      images.indices.contains(gallerySelection)
    else {
      message = "Select an image in the credits pane (c) first"
      return
    }
    guard let credit = images[gallerySelection].credit else {
      message = "This image has no credit"
      return
    }
    searchCredit(credit)
  }

  private mutating func cycleFocus() {
    let order: [Pane] = galleryOpen ? [.list, .detail, .gallery] : [.list, .detail]
    let index = order.firstIndex(of: focus) ?? 0
    focus = order[(index + 1) % order.count]
  }

  private mutating func toggleGallery() {
    if galleryOpen {
      galleryOpen = false
      if focus == .gallery { focus = .detail }
    } else {
      galleryOpen = true
      focus = .gallery
    }
  }

  /// A new size keeps the selection and the reading position (the same place in the
  /// text, re-wrapped to the new width).
  mutating func resize(to newSize: Size) {
    let anchor = detailDocument?.anchor(atLine: detailTop)
    size = newSize
    if layout.isTooSmall { help = nil }
    if let anchor {
      refreshDetailCache()
      detailCache?.layout.layOut(past: anchor)
      if let document = detailCache?.layout { detailTop = document.line(for: anchor) }
    }
  }

  /// Scrolls the list and gallery so their selections are on screen, and keeps the
  /// article scroll in range.
  mutating func keepInView() {
    let rows = ListPane.articleRows(
      in: layout.list ?? ReaderLayout(size: size, focus: .list, galleryOpen: galleryOpen).list)
    if selection < listTop { listTop = selection }
    if selection >= listTop + rows { listTop = selection - rows + 1 }
    listTop = clamp(listTop, 0, max(0, rowCount - rows))
    if detailFollowsEnd {
      detailTop = maxDetailTop
      if detailCache?.layout.isComplete != false { detailFollowsEnd = false }
    }
    detailTop = clamp(detailTop, 0, maxDetailTop)
    // The gallery pane is laid out only while it is open.
    guard galleryOpen else {
      galleryCache = nil
      return
    }
    galleryCache = currentGalleryCache
    let galleryRows = ReaderLayout.visibleRows(galleryRectForLayout)
    // Laid out as far as the entry after the selected one (where the selected one ends)
    // and a screen below the top.
    let (image, line) = (gallerySelection + 1, galleryTop + galleryRows)
    galleryCache?.layout.layOut(throughImage: image)
    galleryCache?.layout.layOut(throughLine: line)
    let gallery = galleryDocument
    if let start = gallery.imageLines.indices.contains(gallerySelection)
      ? gallery.imageLines[gallerySelection] : nil
    {
      let end =
        gallerySelection + 1 < gallery.imageLines.count
        ? gallery.imageLines[gallerySelection + 1] - 1 : gallery.lines.count
      if start < galleryTop { galleryTop = start }
      if end > galleryTop + galleryRows { galleryTop = min(start, end - galleryRows) }
    }
    galleryTop = clamp(galleryTop, 0, max(0, gallery.lines.count - galleryRows))
  }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
  high < low ? low : min(max(value, low), high)
}
