/// What a watched folder's files did since they were last read, ready for the reader:
/// the new and changed files read and parsed, the paths of those that went. A large
/// change comes in parts (`isLast` on the final one) so that the reader takes it a few
/// hundred articles at a time, between keys.
public struct LibraryChange: Sendable {
  public var added: [Article] = []
  public var changed: [Article] = []
  public var removed: [String] = []
  /// New or changed files that could not be read, and why.
  public var skipped: [SkippedFile] = []
  /// Whether the user asked for this look (a reload key): the reader then says so even
  /// when nothing changed.
  public var requested = false
  /// Whether this is the last part of what one look found.
  public var isLast = true
  /// Something to tell the user about the watching itself (a fallback to rescanning).
  public var note: String?

  public init(
    added: [Article] = [], changed: [Article] = [], removed: [String] = [],
    skipped: [SkippedFile] = [], requested: Bool = false, isLast: Bool = true,
    note: String? = nil
  ) {
    (self.added, self.changed, self.removed, self.skipped) = (added, changed, removed, skipped)
    (self.requested, self.isLast, self.note) = (requested, isLast, note)
  }

  /// Whether it says nothing changed (it may still answer a reload key, or carry a note).
  public var isEmpty: Bool {
    added.isEmpty && changed.isEmpty && removed.isEmpty && skipped.isEmpty
  }

  /// The articles it holds.
  public var articleCount: Int { added.count + changed.count }

  /// This change in parts of at most `size` articles, the removals, skips and note in
  /// the first, `isLast` on the last.
  public func parts(of size: Int) -> [LibraryChange] {
    guard articleCount > size else { return [self] }
    var parts: [LibraryChange] = []
    var current = LibraryChange(
      removed: removed, skipped: skipped, requested: requested, isLast: false, note: note)
    for article in changed {
      if current.articleCount == size {
        parts.append(current)
        current = LibraryChange(requested: requested, isLast: false)
      }
      current.changed.append(article)
    }
    for article in added {
      if current.articleCount == size {
        parts.append(current)
        current = LibraryChange(requested: requested, isLast: false)
      }
      current.added.append(article)
    }
    current.isLast = true
    parts.append(current)
    return parts
  }
}
