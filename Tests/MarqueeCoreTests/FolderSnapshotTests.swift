import Foundation
import MarqueeCore
import MarqueeTestSupport
import Testing

/// The walk a watcher makes to tell what changed: it reads no file, and finds files
/// added, changed (size, time or identity) and removed under the folders it looks at.
@Suite("Folder snapshots")
struct FolderSnapshotTests {
  private func take(_ folder: TemporaryFolder, _ sub: String? = nil) -> FolderSnapshot {
    let root = sub.map { folder.path + "/" + $0 } ?? folder.path
    return FolderSnapshot.take(roots: [Array(root.utf8CString)], includeGlobs: ["*.txt"])
  }

  private func root(_ folder: TemporaryFolder, _ sub: String? = nil) -> [[CChar]] {
    [Array((sub.map { folder.path + "/" + $0 } ?? folder.path).utf8CString)]
  }

  @Test func addedChangedAndRemovedFilesAreTold() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("One\n", to: "a.txt")
    _ = try folder.write("Two\n", to: "b.txt")
    _ = try folder.write("Three\n", to: "deep/c.txt")
    _ = try folder.write("not an article\n", to: "notes.md")
    let before = take(folder)
    #expect(
      before.entries.keys.sorted()
        == ["a.txt", "b.txt", "deep/c.txt"].map { folder.path + "/" + $0 })
    #expect(before.directories.count == 2, "the folder and deep/")
    _ = try folder.write("Two, longer now\n", to: "b.txt")
    try FileManager.default.removeItem(atPath: folder.path + "/deep/c.txt")
    _ = try folder.write("Four\n", to: "deep/d.txt")
    let after = take(folder)
    let changes = before.changes(to: after, under: root(folder))
    #expect(changes.added == [folder.path + "/deep/d.txt"])
    #expect(changes.changed == [folder.path + "/b.txt"])
    #expect(changes.removed == [folder.path + "/deep/c.txt"])
    #expect(after.changes(to: take(folder), under: root(folder)).isEmpty, "nothing since")
  }

  /// A look at one subfolder says nothing of files elsewhere, nor of a folder whose name
  /// only starts like it.
  @Test func aLookAtOneFolderLeavesTheRestAlone() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("One\n", to: "x/a.txt")
    _ = try folder.write("Two\n", to: "xy/b.txt")
    var snapshot = take(folder)
    try FileManager.default.removeItem(atPath: folder.path + "/x/a.txt")
    _ = try folder.write("Three\n", to: "x/c.txt")
    let sub = take(folder, "x")
    let changes = snapshot.changes(to: sub, under: root(folder, "x"))
    #expect(changes.removed == [folder.path + "/x/a.txt"])
    #expect(changes.added == [folder.path + "/x/c.txt"])
    snapshot.update(with: sub, under: root(folder, "x"))
    #expect(
      snapshot.entries.keys.sorted() == [folder.path + "/x/c.txt", folder.path + "/xy/b.txt"])
    // A folder that went leaves nothing of its own behind.
    try FileManager.default.removeItem(atPath: folder.path + "/x")
    let gone = take(folder, "x")
    #expect(
      snapshot.changes(to: gone, under: root(folder, "x")).removed == [folder.path + "/x/c.txt"])
  }

  /// The first look compares the walk with the articles the load read (by time only) and
  /// the files it skipped (not read again until they change).
  @Test func theFirstLookIsFromTheArticlesTheLoadRead() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("Kept\n\nBody.\n", to: "kept.txt")
    _ = try folder.write("Edited\n\nBody.\n", to: "edited.txt")
    _ = try folder.write("\u{0}\u{1}binary", to: "skipped.txt")
    let store = try ArticleStore.load(paths: [folder.path])
    #expect(store.count == 2)
    #expect(store.report.skipped.count == 1)
    let known = FolderSnapshot(articles: store.articles, skipped: store.report.skipped)
    let later = Date().addingTimeInterval(5)
    try FileManager.default.setAttributes(
      [.modificationDate: later], ofItemAtPath: folder.path + "/edited.txt")
    let changes = known.changes(to: take(folder), under: root(folder))
    #expect(changes == FolderChanges(changed: [folder.path + "/edited.txt"]))
  }

  @Test func changedFilesAreReadAsTheLoadReadsThem() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("A Title\n\nA body line.\n", to: "a.txt")
    let snapshot = take(folder)
    let reads = ArticleLoader.read(
      [folder.path + "/a.txt", folder.path + "/gone.txt"], of: snapshot, options: LoadOptions())
    #expect(try reads[0].result.get().title == "A Title")
    #expect(throws: SkipReason.self) { try reads[1].result.get() }
  }
}
