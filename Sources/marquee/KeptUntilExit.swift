import Synchronization

/// What a command loaded, kept until the process exits and never let go of.
///
/// A library of a million articles and its index take a fifth of a second to free, a
/// string and a mapped file at a time on one core, after the answer has been printed;
/// the kernel takes a process's memory back whole when it exits. Compilers skip their
/// last frees for the same reason.
enum KeptUntilExit {
  private static let values = Mutex<[any Sendable]>([])

  static func keep(_ value: any Sendable) {
    values.withLock { $0.append(value) }
  }
}
