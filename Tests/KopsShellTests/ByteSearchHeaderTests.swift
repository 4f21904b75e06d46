@testable import KopsShell
import KopsTestSupport
import Testing

/// The header test's two-byte filter (`HeaderNames.secondLast`, docs/performance.md, "Session 37") answers as comparing
/// every name: at every colon of random texts of header and field names (whole, cut short, in any case), JSON keys,
/// quotes and any byte.
@Suite struct ByteSearchHeaderTests {
    @Test(arguments: [["authorization", "x-api-key", "cookie"], ["a", "ab", "password", "passwd", "secret", "headers"]])
    func theTwoByteFilterAnswersAsEveryNameCompared(names: [String]) {
        let headerNames = HeaderNames(names)
        let nameBytes = names.map { Array($0.utf8) }
        let pieces = names + ["webhook_id", "created_at", "status", "\"", ":", "\":\"", " ", "X", "-", "_", "é"]
        var generator = SplitMix(seed: 3704)
        var (found, none) = (0, 0)
        for _ in 0..<10_000 {
            let text = (0..<(1 + generator.next() % 6)).map { _ -> String in
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                switch generator.next() % 4 {
                case 0: return piece.uppercased()
                case 1: return String(piece.dropFirst(Int(generator.next() % 3)))
                case 2: return String(UnicodeScalar(UInt8(truncatingIfNeeded: generator.next() % 128)))
                default: return piece
                }
            }.joined() + ":"
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                for colon in bytes.indices where bytes[colon] == UInt8(ascii: ":") {
                    let end = colon > 0 && bytes[colon - 1] == UInt8(ascii: "\"") ? colon - 1 : colon
                    let expected = nameBytes.contains { name in
                        end >= name.count && name.indices.allSatisfy { ByteSearch.fold(bytes[end - name.count + $0]) == name[$0] }
                    }
                    if expected { found += 1 } else { none += 1 }
                    #expect(ByteSearch.header(headerNames, endsBefore: colon, in: bytes) == expected, "\(text.debugDescription) at \(colon)")
                }
            }
        }
        #expect(found > 1_000 && none > 1_000, "\(found) found, \(none) none")
    }

    /// The redactor's own name lists, at each name and each name cut by one byte, in any case.
    @Test func theRedactorsListsPassTheirNames() {
        for list in [Redactor.credentialHeaders, Redactor.credentialHeaders + Redactor.signatureHeaders,
                     Redactor.credentialHeaders + Array(Redactor.secretFields) + ["headers"]] {
            let names = HeaderNames(list)
            for name in list {
                for text in [name + ":", "\"" + name.uppercased() + "\":", "x" + name + ":"] {
                    Array(text.utf8).withUnsafeBufferPointer { #expect(ByteSearch.header(names, endsBefore: $0.count - 1, in: $0), "\(text)") }
                }
            }
        }
    }
}
