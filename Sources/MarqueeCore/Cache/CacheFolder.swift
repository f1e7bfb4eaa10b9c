import Foundation

/// Where every library's cache lives: `$XDG_CACHE_HOME/marquee` (when absolute, as the
/// XDG spec asks), else `$HOME/.cache/marquee`. Everything in it can be deleted at any
/// time: it is made again from the articles' files.
public struct CacheFolder: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// The cache folder; nil when `MARQUEE_CACHE=off` or there is no home.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> CacheFolder? {
    XDGFolder.marquee(
      off: "MARQUEE_CACHE", base: "XDG_CACHE_HOME", underHome: ".cache", environment: environment
    ).map(CacheFolder.init(path:))
  }

  /// What one library's cache holds, for `marquee cache info`.
  public struct Library: Sendable, Hashable {
    /// The folder's name.
    public let name: String
    /// The paths loaded (canonical); empty when the manifest cannot be read.
    public let roots: [String]
    public let articles: Int
    public let segments: Int
    /// Bytes of every file in the folder.
    public let bytes: Int64
    /// When it was last written.
    public let written: Date?
    /// Why it will not be used as it is (another build of marquee wrote it, or its
    /// manifest is unreadable); nil when it will.
    public let problem: String?
  }

  /// Every library cached here, by the paths it holds.
  public func libraries() -> [Library] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.compactMap { name -> Library? in
      let folder = path + "/" + name
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
        isFolder.boolValue
      else { return nil }
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      let bytes = files.reduce(Int64(0)) { total, file in
        let size = try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size]
        return total + ((size as? NSNumber)?.int64Value ?? 0)
      }
      do {
        guard let manifest = try LibraryCache.readManifest(in: folder) else {
          return Library(
            name: name, roots: [], articles: 0, segments: 0, bytes: bytes, written: nil,
            problem: "no manifest")
        }
        return Library(
          name: name, roots: manifest.roots, articles: manifest.articleCount,
          segments: manifest.segments.count, bytes: bytes,
          written: Date(timeIntervalSince1970: Double(manifest.written) / 1e9),
          problem: manifest.build == LibraryCache.build
            ? nil : "written by another build of marquee; made again at the next load")
      } catch {
        return Library(
          name: name, roots: [], articles: 0, segments: 0, bytes: bytes, written: nil,
          problem: "its manifest is \(error)")
      }
    }
    .sorted { ($0.roots.first ?? "", $0.name) < ($1.roots.first ?? "", $1.name) }
  }

  /// Removes every library's cache; the bytes freed.
  public func clear() throws -> Int64 {
    let freed = libraries().reduce(0) { $0 + $1.bytes }
    if FileManager.default.fileExists(atPath: path) {
      try FileManager.default.removeItem(atPath: path)
    }
    return freed
  }
}
