import Foundation
import MarqueeCore

/// A column at the right of the list, after the title: what its header calls it, how
/// wide it is, and what it shows for an article. Chosen and ordered in the config file's
/// `[reader]` table (`columns = ["images", "time", "date"]`).
public enum ListColumn: String, Sendable, Hashable, CaseIterable {
  /// How many images the article has: `3▣`.
  case images
  /// Reading time: `4m`, and `2h` from 100 minutes.
  case time
  /// The article's own date, else the file's (the date the list sorts by): `2024-03-05`.
  case date

  /// The header row's name for it, right-aligned over its values.
  var heading: String {
    switch self {
    case .images: "Img"
    case .time: "Min"
    case .date: "Date"
    }
  }

  /// Cells, the widest value's.
  var width: Int {
    switch self {
    case .images, .time: 3
    case .date: 10
    }
  }

  /// What the column shows for `article`, at most `width` cells.
  func value(of article: Article) -> String {
    switch self {
    case .images: article.imageCount > 99 ? "++▣" : "\(article.imageCount)▣"
    case .time:
      article.readingMinutes < 100
        ? "\(article.readingMinutes)m" : "\(min(999, article.readingMinutes / 60))h"
    case .date: article.listDate.map(Self.day) ?? "–"
    }
  }

  /// The columns shown unless the config file says otherwise.
  public static let standard: [ListColumn] = [.images, .time, .date]

  /// The title keeps at least this many cells: columns that would squeeze it more are
  /// left out, the last first.
  static let titleRoom = 26

  /// Which of `columns` fit a list `width` cells wide (inside its border), in order.
  static func fitting(_ columns: [ListColumn], width: Int) -> [ListColumn] {
    var kept = columns
    // One cell for the mark, one after the title, one before each column.
    while !kept.isEmpty, 2 + kept.reduce(0, { $0 + $1.width + 1 }) + titleRoom > width {
      kept.removeLast()
    }
    return kept
  }

  /// `2024-03-05`, in UTC as the article's date line was read.
  private static func day(_ date: Date) -> String {
    date.formatted(.iso8601.year().month().day())
  }
}
