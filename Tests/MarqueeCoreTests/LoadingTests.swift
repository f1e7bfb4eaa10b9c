import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

@Suite("Loading files and folders")
struct LoadingTests {
  @Test func loadsTxtFilesRecursivelyAndSkipsHiddenEntries() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha\n\nDek.", to: "a.txt")
    try folder.write("Beta\n\nDek.", to: "nested/deeper/b.txt")
    try folder.write("Not an article", to: "notes.md")
    try folder.write("Hidden", to: ".hidden.txt")
    try folder.write("In a hidden folder", to: ".git/c.txt")
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Alpha", "Beta"])
    #expect(articles.map(\.path) == [folder.path + "/a.txt", folder.path + "/nested/deeper/b.txt"])
    #expect(report == LoadReport(filesSeen: 2, loaded: 2, skipped: [], ignoredFiles: 1))
  }

  @Test func includeGlobsChooseFilesInFolders() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha", to: "a.txt")
    try folder.write("Beta", to: "b.md")
    try folder.write("Gamma", to: "c")
    let options = LoadOptions(includeGlobs: ["*.md", "c"])
    let (articles, _) = try ArticleLoader.load(paths: [folder.path], options: options)
    #expect(articles.map(\.title) == ["Beta", "Gamma"])
  }

  /// A glob that is `*` and an ending is matched by the name's end, as `fnmatch` would
  /// match it; any other glob by `fnmatch` itself.
  @Test func anEndingGlobMatchesAsFnmatchDoes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for name in ["a.txt", "b.txt.bak", "c.TXT", "txt", "d.text", "e.tst", "f.md", "g-md"] {
      try folder.write(name, to: name)
    }
    let globs = [["*.txt"], ["*.t?t"], ["*md", "*.text"], ["*"], ["*[t]"]]
    for globs in globs {
      let (articles, _) = try ArticleLoader.load(
        paths: [folder.path], options: LoadOptions(includeGlobs: globs))
      let expected = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        name in globs.contains { fnmatch($0, name, 0) == 0 }
      }
      #expect(articles.map(\.title).sorted() == expected.sorted(), "\(globs)")
    }
    #expect(
      try ArticleLoader.load(paths: [folder.path], options: LoadOptions(includeGlobs: ["*md"]))
        .0.map(\.title) == ["f.md", "g-md"])
  }

  /// Visible regular files in folders that no glob matched are counted, from the
  /// listing or the `stat` a link gets anyway; hidden ones, folders and files that
  /// matched are not, nor is a file named directly.
  @Test func filesNoGlobMatchedAreCountedAsIgnored() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("Alpha", to: "a.txt")
    try folder.write("Post", to: "posts/101")
    try folder.write("Post", to: "posts/deeper/102")
    try folder.write("Notes", to: "notes.md")
    try folder.write("Hidden", to: ".hidden")
    try folder.write("In a hidden folder", to: ".git/HEAD")
    try folder.makeFolder("empty")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("link-to-post"), withDestinationPath: folder.path("posts/101"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("dangling"), withDestinationPath: folder.path("nowhere"))
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Alpha"])
    #expect(report.filesSeen == 1 && report.ignoredFiles == 4)
    #expect(report.includeGlobs == ["*.txt"])
    #expect(report.ignoredNote == "4 files without .txt ignored; use --include '*'")
    #expect(!report.ignoredFilesNeedSaying, "4 ignored beside 1 article is not ten times")

    let named = try ArticleLoader.load(paths: [folder.path("posts/101")]).report
    #expect(named.ignoredFiles == 0 && named.loaded == 1 && named.ignoredNote == nil)
    let every = try ArticleLoader.load(
      paths: [folder.path], options: LoadOptions(includeGlobs: ["*"])
    ).report
    #expect(every.ignoredFiles == 0 && every.loaded == 4, "the link is the post again")
    let posts = try ArticleLoader.load(
      paths: [folder.path("posts")], options: LoadOptions(includeGlobs: ["*.txt", "*.md"])
    ).report
    #expect(posts.loaded == 0 && posts.ignoredFilesNeedSaying)
    #expect(posts.ignoredNote == "2 files without .txt or .md ignored; use --include '*'")
  }

  @Test func theIgnoredNoteNamesTheGlobs() {
    func note(_ globs: [String], _ count: Int = 219) -> String? {
      LoadReport(ignoredFiles: count, includeGlobs: globs).ignoredNote
    }
    #expect(note(["*.txt"]) == "219 files without .txt ignored; use --include '*'")
    #expect(note(["*.txt"], 1) == "1 file without .txt ignored; use --include '*'")
    #expect(note(["*.txt"], 0) == nil)
    #expect(
      note(["*.txt", "*.text", "*.md"])
        == "219 files without .txt, .text or .md ignored; use --include '*'")
    #expect(note(["notes-*"]) == "219 files not matching 'notes-*' ignored; use --include '*'")
    #expect(
      note(["*.txt", "post-?"])
        == "219 files not matching '*.txt' or 'post-?' ignored; use --include '*'")
    #expect(note(["*.[tT]xt"]) == "219 files not matching '*.[tT]xt' ignored; use --include '*'")
  }

  @Test func theIgnoredFilesNeedSayingWhenNothingOrNextToNothingLoaded() {
    func needs(loaded: Int, ignored: Int) -> Bool {
      LoadReport(loaded: loaded, ignoredFiles: ignored).ignoredFilesNeedSaying
    }
    #expect(needs(loaded: 0, ignored: 1))
    #expect(needs(loaded: 3, ignored: 219))
    #expect(needs(loaded: 10, ignored: 100))
    #expect(!needs(loaded: 10, ignored: 99))
    #expect(!needs(loaded: 0, ignored: 0))
    #expect(!needs(loaded: 500, ignored: 3))
  }

  @Test func aFileNamedExplicitlyIsAlwaysLoaded() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Explicit", to: "post")
    let (articles, _) = try ArticleLoader.load(paths: [path])
    #expect(articles.map(\.title) == ["Explicit"])
  }

  @Test func trailingSlashGivesCleanPaths() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha", to: "a.txt")
    let (articles, _) = try ArticleLoader.load(paths: [folder.path + "/"])
    #expect(articles.map(\.path) == [folder.path + "/a.txt"])
  }

  @Test func oversizedFilesAreSkippedWithReason() throws {
    let folder = try TemporaryFolder()
    try folder.write(String(repeating: "x", count: 5_000), to: "big.txt")
    try folder.write("Small", to: "small.txt")
    let (articles, report) = try ArticleLoader.load(
      paths: [folder.path], options: LoadOptions(maxFileSize: 1_024))
    #expect(articles.map(\.title) == ["Small"])
    #expect(report.skipped.map(\.reason) == [.tooLarge(bytes: 5_000, limit: 1_024)])
    #expect(report.skipped.first?.reason.description.contains("too large") == true)
  }

  @Test func badFilesAreSkippedWithReasons() throws {
    let folder = try TemporaryFolder()
    try folder.write("", to: "empty.txt")
    try folder.write("  \n\n \t\n", to: "blank.txt")
    try folder.write(bytes: [0x54, 0x00, 0xFF, 0x01], to: "binary.txt")
    try folder.write("Good", to: "good.txt")
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Good"])
    #expect(report.filesSeen == 4)
    #expect(report.skipped.map(\.reason) == [.binary, .noText, .empty])
  }

  @Test func fifoIsSkippedWithoutBlocking() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha", to: "a.txt")
    let fifo = folder.path + "/pipe.txt"
    try #require(mkfifo(fifo, 0o644) == 0)
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Alpha"])
    #expect(report.skipped == [SkippedFile(path: fifo, reason: .notRegularFile(kind: "FIFO"))])
    // Named explicitly, it fails the load with its reason, still without being opened.
    #expect(throws: LoadError.unreadablePath(fifo, reason: "not a regular file (FIFO)")) {
      try ArticleLoader.load(paths: [fifo])
    }
  }

  @Test func symlinkLoopsAndDanglingLinksAreSkipped() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha", to: "sub/a.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/sub/loop", withDestinationPath: folder.path + "/sub")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/gone.txt", withDestinationPath: folder.path + "/nowhere.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/self.txt", withDestinationPath: folder.path + "/self.txt")
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Alpha"])
    let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason) })
    #expect(reasons[folder.path + "/sub/loop"] == .symlinkLoop)
    #expect(reasons[folder.path + "/gone.txt"] == .danglingSymlink)
    #expect(reasons[folder.path + "/self.txt"] == .symlinkLoop)
  }

  @Test func fileNamesThatAreNotUTF8StillLoad() throws {
    let folder = try TemporaryFolder()
    var name = Array((folder.path + "/caf").utf8CString.dropLast())
    name += [CChar(bitPattern: 0xE9)] + Array(".txt".utf8CString)
    let descriptor = open(name, O_CREAT | O_WRONLY, 0o644)
    try #require(descriptor >= 0)
    _ = "Latin-1 Name".withCString { write(descriptor, $0, 12) }
    close(descriptor)
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.title) == ["Latin-1 Name"])
    // Shown with the byte escaped, so that it differs from a name with U+FFFD in it.
    #expect(articles.first?.path == folder.path + "/caf\\xE9.txt")
    #expect(report.skipped.isEmpty)
  }

  @Test func missingPathIsAnError() throws {
    let folder = try TemporaryFolder()
    #expect(throws: LoadError.missingPath(folder.path + "/missing")) {
      try ArticleLoader.load(paths: [folder.path + "/missing"])
    }
  }

  @Test func theSameFolderTwiceLoadsOnce() throws {
    let folder = try TemporaryFolder()
    try folder.write("Alpha", to: "a.txt")
    let (articles, _) = try ArticleLoader.load(paths: [folder.path, folder.path])
    #expect(articles.count == 1)
  }

  @Test func aFileReachedTwiceLoadsOnce() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Alpha", to: "a.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/link.txt", withDestinationPath: path)
    for paths in [[folder.path, path], [path, path], [path, folder.path]] {
      let (articles, report) = try ArticleLoader.load(paths: paths)
      #expect(articles.map(\.title) == ["Alpha"])
      #expect(report.filesSeen == 1)
    }
  }

  @Test func filesAreNeverModified() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Alpha\r\n\r\nDek with \u{A0} space.", to: "a.txt")
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let attributesBefore = try FileManager.default.attributesOfItem(atPath: path)
    _ = try ArticleLoader.load(paths: [folder.path])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let attributesAfter = try FileManager.default.attributesOfItem(atPath: path)
    #expect(
      attributesBefore[.modificationDate] as? Date == attributesAfter[.modificationDate] as? Date)
  }

  @Test func manyFilesLoadInParallelInPathOrder() throws {
    let folder = try TemporaryFolder()
    for index in 0..<300 {
      try folder.write("Article \(index)", to: String(format: "d%02d/%03d.txt", index % 7, index))
    }
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.count == 300)
    #expect(articles.map(\.path) == articles.map(\.path).sorted())
    #expect(report.loaded == 300)
  }
}

@Suite("Store")
struct StoreTests {
  private func article(_ path: String, _ title: String, words: Int, credits: [String]) -> Article {
    Article(
      path: path, modified: Date(timeIntervalSince1970: Double(words)), title: title, dek: "",
      body: [.paragraph(Array(repeating: "w", count: words).joined(separator: " "))],
      images: credits.map { ArticleImage(label: nil, caption: nil, credit: $0) })
  }

  private var store: ArticleStore {
    ArticleStore(
      articles: [
        article("c.txt", "apple", words: 10, credits: ["Getty Images", "Getty Images", "Rex"]),
        article("a.txt", "Cherry", words: 30, credits: ["Rex"]),
        article("b.txt", "banana 10", words: 20, credits: ["Getty Images"]),
        article("d.txt", "banana 9", words: 20, credits: []),
      ], report: LoadReport())
  }

  @Test func sortOrders() {
    #expect(store.sorted(by: .path).map(\.path) == ["a.txt", "b.txt", "c.txt", "d.txt"])
    #expect(store.sorted(by: .title).map(\.path) == ["c.txt", "d.txt", "b.txt", "a.txt"])
    #expect(store.sorted(by: .words).map(\.path) == ["a.txt", "b.txt", "d.txt", "c.txt"])
    #expect(store.sorted(by: .date).map(\.path) == ["a.txt", "b.txt", "d.txt", "c.txt"])
  }

  @Test func idsFollowTheOrderArticlesArriveInAndTheIndexAnswersWithThem() throws {
    var store = ArticleStore()
    var index = SearchIndex(articles: [])
    for batch in [Array(self.store.articles[0..<2]), Array(self.store.articles[2...])] {
      let prepared = index.prepare(batch)
      store.append(contentsOf: prepared.articles)
      index.append(prepared)
    }
    #expect(store.ids == 0..<4)
    #expect(store.articles.map(\.path) == ["c.txt", "a.txt", "b.txt", "d.txt"])
    let searching: any ArticleIndex = index
    #expect(searching.articleCount == store.count)
    let banana = searching.search(try SearchQuery("banana")).map { store[$0.id].title }
    #expect(Set(banana) == ["banana 10", "banana 9"])
    // Articles alike but for their paths score the same, and list by path whatever
    // their ids.
    let twins = ["d.txt", "b.txt", "c.txt", "a.txt"].map {
      article($0, "twin", words: 5, credits: [])
    }
    let twinStore = ArticleStore(articles: twins)
    let twinIndex: any ArticleIndex = SearchIndex(articles: twinStore.articles)
    let same = twinIndex.search(try SearchQuery("twin")).map { twinStore[$0.id].path }
    #expect(same == ["a.txt", "b.txt", "c.txt", "d.txt"])
  }

  @Test func creditTallyCountsImagesAndArticles() {
    #expect(
      store.creditTally() == [
        CreditCount(credit: "Getty Images", images: 3, articles: 2),
        CreditCount(credit: "Rex", images: 2, articles: 2),
      ])
  }
}
