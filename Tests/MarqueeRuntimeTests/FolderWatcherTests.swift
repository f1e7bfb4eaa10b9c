import Foundation
import MarqueeCore
import MarqueeRuntime
import MarqueeTestSupport
import Testing

/// The watcher on its own: by inotify and by rescanning, what it hands over and when.
@Suite("the folder watcher")
struct FolderWatcherTests {
  /// The changes handed over until `done` says enough, or 15 s.
  private func changes(
    from watcher: FolderWatcher, until done: ([LibraryChange]) -> Bool
  ) -> [LibraryChange] {
    var taken: [LibraryChange] = []
    let deadline = Date().addingTimeInterval(15)
    while !done(taken), Date() < deadline {
      if let change = watcher.take() { taken.append(change) } else { usleep(20_000) }
    }
    return taken
  }

  private func started(
    on folder: TemporaryFolder, inotify: Bool
  ) throws -> FolderWatcher {
    let store = try ArticleStore.load(paths: [folder.path])
    let watcher = FolderWatcher(paths: [folder.path], options: LoadOptions(), inotify: inotify)
    watcher.start(from: store.articles, skipped: store.report.skipped)
    return watcher
  }

  @Test(arguments: [true, false])
  func aNewFileAndADeletedOneAreHandedOver(inotify: Bool) throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("Staying\n\nBody.\n", to: "stay.txt")
    _ = try folder.write("Going\n\nBody.\n", to: "go.txt")
    let watcher = try started(on: folder, inotify: inotify)
    defer { watcher.cancel() }
    usleep(300_000)
    #expect(watcher.take() == nil, "nothing changed since the load")
    _ = try folder.write("Arriving\n\nBody.\n", to: "new/arrive.txt")
    try FileManager.default.removeItem(atPath: folder.path + "/go.txt")
    let taken = changes(from: watcher) { taken in
      taken.flatMap(\.added).count == 1 && taken.flatMap(\.removed).count == 1
    }
    #expect(taken.flatMap(\.added).map(\.title) == ["Arriving"])
    #expect(taken.flatMap(\.removed) == [folder.path + "/go.txt"])
    #expect(taken.flatMap(\.changed).isEmpty)
  }

  /// A file written a piece at a time is handed over once, whole, after it settles.
  @Test func aFileStillBeingWrittenIsReadOnceItSettles() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("Seed\n\nBody.\n", to: "seed.txt")
    let watcher = try started(on: folder, inotify: true)
    defer { watcher.cancel() }
    usleep(200_000)
    let path = folder.path + "/slow.txt"
    _ = FileManager.default.createFile(atPath: path, contents: Data("Slow Story\n\n".utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    for piece in 1...8 {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("Paragraph \(piece) of the slow story.\n\n".utf8))
      usleep(100_000)
    }
    try handle.close()
    let taken = changes(from: watcher) { $0.flatMap(\.added).count == 1 }
    usleep(800_000)
    let later = changes(from: watcher) { _ in true } + (watcher.take().map { [$0] } ?? [])
    let article = try #require(taken.flatMap(\.added).first)
    #expect(article.dek.contains("Paragraph 1 "))
    #expect(article.body.count == 7, "the seven other paragraphs")
    #expect(ArticleText.render(article, width: 0).contains("Paragraph 8 of the slow story."))
    #expect((taken + later).flatMap(\.changed).isEmpty, "read once, not again")
  }

  @Test func aReloadAskedForIsAnsweredEvenWhenNothingChanged() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("Only\n\nBody.\n", to: "only.txt")
    let watcher = try started(on: folder, inotify: true)
    defer { watcher.cancel() }
    usleep(300_000)
    watcher.rescan()
    let taken = changes(from: watcher) { !$0.isEmpty }
    #expect(taken.count == 1)
    #expect(taken.first?.requested == true)
    #expect(taken.first?.articleCount == 0)
  }
}
