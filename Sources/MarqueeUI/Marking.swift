import MarqueeCore

/// Read and flagged marks in the reader, as newsboat and mutt keep them: an article is
/// read once opened, `m` toggles it, `f` flags it, `U` goes to the next unread one.
/// Every change is handed out as `Effect.saveMarks`, for the loop to write.
extension ReaderState {
  /// The marks of articles just added to the store, from those kept between runs.
  mutating func takeMarks(of articles: [Article]) {
    for article in articles {
      let found = markBook.marks(for: article)
      marks.append(found)
      if !found.contains(.read) { unreadCount += 1 }
    }
  }

  /// Gives an article new marks and asks for them to be saved.
  mutating func setMarks(_ new: Marks, of id: ArticleID) {
    let old = marks[id]
    guard new != old else { return }
    marks[id] = new
    unreadCount += (old.contains(.read) ? 1 : 0) - (new.contains(.read) ? 1 : 0)
    let record = MarkBook.record(new, for: store[id])
    markBook.apply(record)
    effects.append(.saveMarks([record]))
  }

  /// Marks the article in the article pane read the first time it is shown there (not
  /// while it only previews beside the list), so `m` can make it unread again while it
  /// stays open.
  mutating func markOpenArticleRead() {
    guard focus != .list, let id = selectedDocument else {
      lastOpened = nil
      return
    }
    guard id != lastOpened else { return }
    lastOpened = id
    setMarks(marks[id].union(.read), of: id)
  }

  mutating func toggle(_ mark: Marks, done: String, undone: String) {
    guard let id = selectedDocument else {
      message = "No article selected"
      return
    }
    setMarks(marks[id].symmetricDifference(mark), of: id)
    message = marks[id].contains(mark) ? done : undone
  }

  /// Selects the next unread article in list order after the selection, wrapping
  /// around; in the article pane it opens there.
  mutating func selectNextUnread() {
    let count = rowCount
    guard count > 0 else { return }
    for step in 1...count {
      let row = (selection + step) % count
      guard !marks[document(atRow: row)].contains(.read) else { continue }
      if row != selection { select(row) }
      return
    }
    message = "No unread articles"
  }
}
