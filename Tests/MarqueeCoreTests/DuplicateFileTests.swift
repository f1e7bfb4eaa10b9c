import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// The walk leaves regular files to the loader, which tells duplicates apart by the
/// identity of the open file: a file reached twice still loads once, under the first of
/// its paths in path order, counted once and skipped at most once.
@Suite("Files reached twice")
struct DuplicateFileTests {
  /// Whatever order the walk meets them in, the first name in path order wins.
  @Test func hardLinksInOneFolderLoadOnceUnderTheFirstName() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Alpha", to: "a.txt")
    try #require(link(path, folder.path + "/b.txt") == 0)
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.path) == [folder.path + "/a.txt"])
    #expect(report == LoadReport(filesSeen: 1, loaded: 1, skipped: []))
  }

  @Test func aLinkedFileLoadsOnceWhicheverPathComesFirst() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("Alpha", to: "sub/a.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/link.txt", withDestinationPath: path)
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(articles.map(\.path) == [folder.path + "/link.txt"])
    #expect(report.filesSeen == 1)
  }

  @Test func anOversizedFileReachedTwiceIsSkippedOnce() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(String(repeating: "x", count: 2_000), to: "big.txt")
    let options = LoadOptions(maxFileSize: 1_024)
    let (articles, report) = try ArticleLoader.load(paths: [path, folder.path], options: options)
    #expect(articles.isEmpty)
    #expect(report.filesSeen == 1)
    #expect(
      report.skipped == [SkippedFile(path: path, reason: .tooLarge(bytes: 2_000, limit: 1_024))])
  }
}
