import Foundation
import KopsTestSupport
import Testing

@testable import KapsoClient

/// The parser's key cache kept from one parse to the next on a thread (`JSONKeyCache`, docs/performance.md, "Session
/// 60"): a parse gives what a parse with an empty cache (a thread's first) gives, byte for byte, and a key met by an
/// earlier parse is that parse's string.
@Suite struct Perf60KeyCacheTests {
    /// `text` parsed on a thread of its own: its first parse, with an empty cache.
    static func parsedAlone(_ text: String) -> String? {
        final class Box: @unchecked Sendable { var serialized: String? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.serialized = (try? JSONValue.parse(text))?.serialized()
            done.signal()
        }
        thread.start()
        done.wait()
        return box.serialized
    }

    /// Documents of keys from a small pool (plain, escaped, non-ASCII, of every length around the eight-byte words) and
    /// runs of new keys past `JSONKeyCache.limit`, parsed one after another on this thread: each serializes to the
    /// bytes of its parse on a fresh thread.
    @Test func aParseIsAFreshParsesByteForByte() throws {
        var generator = SplitMix(seed: 60)
        var fresh = 0
        for round in 0..<300 {
            let newKeys = round % 50 == 49
            var members: [String] = []
            for _ in 0..<Int(newKeys ? 400 : generator.next() % 30) {
                let key =
                    newKeys
                    ? "k\(round)_\(fresh)" : Perf54ReplayTests.keys[Int(generator.next() % UInt64(Perf54ReplayTests.keys.count))]
                fresh += 1
                members.append(Perf54ReplayTests.written(key, &generator) + ":" + String(generator.next() % 9))
            }
            let text = "{\"data\":[{" + members.joined(separator: ",") + "},{" + members.reversed().joined(separator: ",") + "}]}"
            let here = try JSONValue.parse(text).serialized()
            #expect(Array(here.utf8) == Self.parsedAlone(text).map { Array($0.utf8) }, "\(text)")
        }
    }

    /// A key the thread's last parse met is that parse's string, not a new one: the same storage while the first tree
    /// is alive.
    @Test func aKeyMetBeforeIsTheStringMadeThen() throws {
        let key = "phone_number_display_name"
        let first = try JSONValue.parse("{\"\(key)\":1}")
        let second = try JSONValue.parse("{\"other\":2,\"\(key)\":3}")
        let firstKey = try #require(first.object?.entries.first?.key)
        let secondKey = try #require(second.object?.entries.last?.key)
        #expect(firstKey == key && secondKey == key)
        #expect(Self.storage(firstKey) == Self.storage(secondKey))
    }

    static func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
}
