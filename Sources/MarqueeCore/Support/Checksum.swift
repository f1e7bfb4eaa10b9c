/// A 64-bit checksum of a cache file's bytes, fed piece by piece as they are written and
/// checked over the whole file when it is opened: a flipped, lost or foreign byte
/// changes it.
///
/// Four independent lanes of 8 bytes (a multiply, a rotate and another multiply each,
/// xxHash64's round), so a core checks several gigabytes a second: at a million
/// articles the cache is read whole at every start, and `ContentHash`'s single chain
/// would take four times as long. Not cryptographic: it finds damage, not forgery.
struct Checksum {
  private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let blockSize = 32

  private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
    prime1 &+ prime2, prime2, 0, 0 &- prime1
  )
  /// Bytes of an unfinished block, waiting for the rest of it.
  private var pending: [UInt8] = []
  private var total: UInt64 = 0

  init() {}

  /// The checksum of `bytes` alone.
  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var checksum = Checksum()
    checksum.add(bytes)
    return checksum.value
  }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    total &+= UInt64(bytes.count)
    var offset = 0
    if !pending.isEmpty {
      let taken = min(Self.blockSize - pending.count, bytes.count)
      pending += bytes[0..<taken]
      offset = taken
      guard pending.count == Self.blockSize else { return }
      pending.withUnsafeBytes { addBlocks($0) }
      pending.removeAll(keepingCapacity: true)
    }
    let whole = (bytes.count - offset) / Self.blockSize * Self.blockSize
    if whole > 0 { addBlocks(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + whole)])) }
    pending += bytes[(offset + whole)...]
  }

  /// Whole blocks only.
  private mutating func addBlocks(_ bytes: UnsafeRawBufferPointer) {
    var (a, b, c, d) = lanes
    var offset = 0
    while offset < bytes.count {
      a = Self.round(a, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      b = Self.round(b, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      c = Self.round(c, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      d = Self.round(d, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
      offset += Self.blockSize
    }
    lanes = (a, b, c, d)
  }

  @inline(__always)
  private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
    let mixed = lane &+ UInt64(littleEndian: input) &* prime2
    return ((mixed << 31) | (mixed >> 33)) &* prime1
  }

  /// The checksum of everything added.
  var value: UInt64 {
    let (a, b, c, d) = lanes
    var hash = ((a << 1) | (a >> 63)) &+ ((b << 7) | (b >> 57))
    hash &+= ((c << 12) | (c >> 52)) &+ ((d << 18) | (d >> 46))
    for lane in [a, b, c, d] { hash = (hash ^ Self.round(0, lane)) &* Self.prime1 &+ Self.prime3 }
    hash &+= total
    for byte in pending { hash = ((hash ^ UInt64(byte)) &* Self.prime1) ^ (hash >> 29) }
    // SplitMix64's finaliser: every input bit reaches every output bit.
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }
}
