import MarqueeCore

/// Writes read marks and a place to a state folder, round after round, as fast as it
/// can, until it is killed: the crash-safety test kills it with SIGKILL at random
/// moments and checks that what it left always reads back whole. Each round gives every
/// article of its range the same marks (read in even rounds, flagged in odd ones), so a
/// file mixing two rounds would show.
///
/// Usage: marquee-state-writer FOLDER FIRST COUNT
let arguments = CommandLine.arguments
guard arguments.count == 4, let first = Int(arguments[2]), let count = Int(arguments[3]) else {
  fatalError("usage: marquee-state-writer FOLDER FIRST COUNT")
}
let folder = StateFolder(path: arguments[1])
var round = 0
while true {
  let marks: Marks = round % 2 == 0 ? .read : .flagged
  let records = (first..<(first + count)).map {
    MarkRecord(contentHash: UInt64($0), path: "/stress/\($0).txt", marks: marks)
  }
  do {
    try folder.save(markChanges: records)
    let place = ReadingPlace(
      path: "/stress/\(first).txt", contentHash: "0", block: round, offset: 0,
      articleOpen: true, search: nil)
    try folder.save(place: place, forKey: "writer \(first)", searches: ["round \(round)"])
  } catch {
    fatalError("\(error)")
  }
  round += 1
}
