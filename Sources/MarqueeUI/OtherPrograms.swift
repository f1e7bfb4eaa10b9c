import MarqueeCore

/// Another program run on the selected article, with the terminal handed to it (as
/// mutt, ranger and newsboat do). Paths and URLs reach the program as arguments, never
/// inside a shell command line; the command typed after `|` is the only text a user
/// sends to a shell.
public enum OtherProgram: Sendable, Equatable {
  /// The article's source URL in `$BROWSER`, else `xdg-open`.
  case browse(url: String)
  /// The article as `marquee show` prints it, in `$PAGER`, else `less -R`.
  case page(ArticleID)
  /// The article's file in `$EDITOR`, else `vi`; read again when the editor closes.
  case edit(ArticleID, path: String)
  /// The article's text on the standard input of a shell command typed after `|`.
  case pipe(ArticleID, command: String)
}

/// A line typed in the status bar for something other than a search: the command
/// after `|` (mutt's pipe).
public struct PromptState: Sendable, Equatable {
  public var text = ""
  /// The article the command will read.
  public let article: ArticleID
}

extension ReaderState {
  mutating func openInBrowser() {
    guard let id = selectedDocument else { return noArticle() }
    guard let url = store[id].sourceURL else {
      message = "This article names no source URL"
      return
    }
    effects.append(.run(.browse(url: url)))
  }

  mutating func openInPager() {
    guard let id = selectedDocument else { return noArticle() }
    effects.append(.run(.page(id)))
  }

  mutating func openInEditor() {
    guard let id = selectedDocument else { return noArticle() }
    effects.append(.run(.edit(id, path: store[id].path)))
  }

  mutating func beginPipe() {
    guard let id = selectedDocument else { return noArticle() }
    prompt = PromptState(article: id)
  }

  /// `y` / `Y`: the path or the source URL to the terminal's clipboard (OSC 52), where
  /// the user turned it on: it writes to the clipboard, which other programs read.
  mutating func copy(url: Bool) {
    guard let id = selectedDocument else { return noArticle() }
    guard clipboardAllowed else {
      message = "Copying writes to your clipboard: set MARQUEE_OSC52=1 to allow it"
      return
    }
    let article = store[id]
    guard let text = url ? article.sourceURL : MarkBook.absolute(article.path) else {
      message = "This article names no source URL"
      return
    }
    effects.append(.copy(text))
    message = "Copied \(url ? "the URL" : "the path")"
  }

  private mutating func noArticle() {
    message = "No article selected"
  }

  /// A key while the `|` prompt is open, with the query line's keys; false when it is
  /// not open.
  mutating func editPrompt(_ key: Key, keymap: Keymap) -> Bool {
    guard var current = prompt else { return false }
    switch keymap.queryLine[key] {
    case nil:
      if case .character(let character) = key { current.text.append(character) }
    case .deleteBackward:
      if current.text.isEmpty {
        prompt = nil
        return true
      }
      current.text.removeLast()
    case .clear: current.text = ""
    case .accept:
      prompt = nil
      let command = current.text.trimmingCharacters(in: .whitespaces)
      if !command.isEmpty { effects.append(.run(.pipe(current.article, command: command))) }
      return true
    case .cancel:
      prompt = nil
      return true
    case .passOn, .previousSearch, .nextSearch, .takeSuggestion:
      break
    }
    prompt = current
    return true
  }

  /// A file read again after an editor closed: the new version takes the article's
  /// place in the list and in the index.
  mutating func reread(_ id: ArticleID, as article: Article) {
    guard store.ids.contains(id) else { return }
    replaceArticles([(id, article)])
    message = "Read \(displayPath(of: article.path)) again"
    if hasActiveQuery { runSearch(keeping: selectedDocument) }
  }
}
