import CNcursesw

#if canImport(Glibc)
  import Glibc
#endif

/// Bit n is set when signal n has arrived and `SignalTrap.takePending()` has not yet
/// handed it out. Allocated once and never freed: a signal handler may run at any time,
/// so it needs memory that is always there and that it reaches without locks. The C
/// atomics in the shim do the reads and writes; Swift only holds the address.
nonisolated(unsafe) private let pendingSignalBits: UnsafeMutablePointer<UInt32> = {
  let word = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
  word.initialize(to: 0)
  return word
}()

/// The handler: records the signal and returns. Anything more (endwin, exit) is not
/// async-signal-safe, so the event loop sees the signal and shuts down in order.
private func recordSignal(_ number: Int32) {
  guard number > 0, number < 32 else { return }
  cn_atomic_or(pendingSignalBits, 1 << UInt32(number))
}

/// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT for the life of a `Terminal`, and puts back the
/// signal dispositions that were there before, including those ncurses installs itself
/// (it catches SIGINT and SIGTERM to exit, SIGTSTP and SIGWINCH while the screen is up).
struct SignalTrap {
  /// Signals that end the reader: they become `TerminalEvent.signal` so the caller can
  /// leave curses mode before exiting. SIGQUIT among them: the Swift runtime answers it
  /// with a crash report, which it wrote over the screen in raw mode and then waited
  /// for input.
  static let caught: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  /// Signals whose disposition is saved and restored: the caught ones plus the ones
  /// ncurses takes over in `newterm`.
  static let saved: [Int32] = caught + [SIGTSTP, SIGWINCH]

  private var previous: [(signal: Int32, action: sigaction)] = []

  /// Remembers the current disposition of every signal in `saved`. Call before
  /// `newterm`, so what `restore()` puts back is the process's own state, not ncurses'.
  static func saveCurrent() -> SignalTrap {
    var trap = SignalTrap()
    for number in saved {
      var action = sigaction()
      if cn_current_signal_action(number, &action) == 0 {
        trap.previous.append((number, action))
      }
    }
    return trap
  }

  /// Replaces the handlers of the caught signals (ncurses' among them) with one that only
  /// records the signal. Forgets any signal recorded under an earlier terminal.
  func catchSignals() {
    _ = pendingSignalBits  // Initialise the global before a handler can need it.
    for number in Self.caught {
      cn_atomic_and(pendingSignalBits, ~(1 << UInt32(number)))
      cn_catch_signal(number, { recordSignal($0) }, nil)
    }
  }

  /// Puts back every saved disposition. Safe to call more than once.
  func restore() {
    for (number, action) in previous {
      var action = action
      cn_restore_signal(number, &action)
    }
  }

  /// Forgets these signals if they arrived: a Ctrl-C typed while another program had the
  /// terminal was that program's (the terminal sends it to the whole foreground group,
  /// the reader included).
  static func forget(_ numbers: [Int32]) {
    for number in numbers { cn_atomic_and(pendingSignalBits, ~(1 << UInt32(number))) }
  }

  /// The lowest-numbered signal that has arrived and not been handed out, clearing it.
  static func takePending() -> Int32? {
    let bits = cn_atomic_load(pendingSignalBits)
    guard bits != 0 else { return nil }
    let number = Int32(bits.trailingZeroBitCount)
    cn_atomic_and(pendingSignalBits, ~(1 << UInt32(number)))
    return number
  }
}
