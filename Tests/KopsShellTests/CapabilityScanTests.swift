@testable import KopsShell
import KopsTestSupport
import Testing

/// The webhook-URL byte test's fast paths (docs/performance.md, "Session 37") answer as the comparisons they stand in
/// front of: the one look-up that steps over a byte of a host or path, the words compared by length, the hosts told
/// by their last four bytes. Each is checked against the reading it replaced, at every byte value or on random input.
@Suite struct CapabilityScanTests {
    /// `stopsHostOrSegment` is true exactly at the bytes where `CapabilityURLs.mayFollow`, `CapabilityPaths.mayHoldKey`
    /// and `isHookHost` do more than step over: past ASCII, `\r`, `/`, `?`, `#`, or a URL's end.
    @Test func theStopTestIsTheLoopsComparisons() {
        for value in 0...255 {
            let byte = UInt8(value)
            let compared = byte >= 0x80 || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: "#") || URLCredentialScan.isEnd(byte)
            #expect(URLCredentialScan.stopsHostOrSegment(byte) == compared, "byte \(value)")
        }
    }

    /// A path segment's word, looked up among the words of its length, is the one every word tried finds.
    @Test func theWordLookUpIsEveryWordTried() {
        let words = CapabilityPaths.wordBytes.map(\.0)
        var generator = SplitMix(seed: 3701)
        func inRandomCase(_ bytes: [UInt8]) -> [UInt8] {
            bytes.map { generator.next() % 2 == 0 || $0 < 0x61 || $0 > 0x7A ? $0 : $0 - 32 }
        }
        var (found, none) = (0, 0)
        for _ in 0..<20_000 {
            let word = words[Int(generator.next() % UInt64(words.count))]
            var segment: [UInt8]
            switch generator.next() % 5 {
            case 0: segment = inRandomCase(word)
            case 1: segment = inRandomCase(Array(word.prefix(Int(generator.next() % UInt64(word.count)))))
            case 2: segment = inRandomCase(word) + [UInt8(truncatingIfNeeded: generator.next())]
            case 3:
                segment = inRandomCase(word)
                segment[Int(generator.next() % UInt64(segment.count))] = UInt8(truncatingIfNeeded: generator.next())
            default: segment = (0..<(generator.next() % 17)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            }
            // A segment in the middle of other bytes, as the path holds it.
            let text = [UInt8(ascii: "/")] + segment + [UInt8(ascii: "/")]
            text.withUnsafeBufferPointer { bytes in
                let slice = bytes[1..<(bytes.count - 1)]
                let expected = CapabilityPaths.wordBytes.first { word, _ in
                    word.count == slice.count && zip(word, slice).allSatisfy { $0 == ByteSearch.fold($1) }
                }?.1
                if expected == nil { none += 1 } else { found += 1 }
                #expect(CapabilityPaths.word(slice) == expected, "\(segment)")
            }
        }
        #expect(found > 3_000 && none > 3_000, "\(found) words, \(none) none")
    }

    /// The hook kind told after the host's last four bytes is the kind every host compared finds, on hosts built of the
    /// hook hosts' pieces in any case, cut short, run together.
    @Test func theSuffixTestAnswersAsComparingEveryHost() {
        let pieces = [
            "hooks.slack.com", "discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com", "hooks.zapier.com",
            "hook.make.com", "hook.", "eu1", ".make.com", "hooks.airtable.com", "maker.ifttt.com", "hook.integromat.com", ".integromat.com", ".m.pipedream.net", "abc",
            ".com", ".net", "com", "net", ".co", "m", "t", ".", "x", "hooks.acme-demo.test", "é", "\u{212A}",
        ]
        var generator = SplitMix(seed: 3702)
        var (kinds, none) = (0, 0)
        for _ in 0..<20_000 {
            let joined = (0..<(1 + generator.next() % 4)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var host = Array(joined.utf8).map { generator.next() % 3 != 0 || $0 < 0x61 || $0 > 0x7A ? $0 : $0 - 32 }
            if generator.next() % 4 == 0, !host.isEmpty { host.removeLast(Int(generator.next() % UInt64(min(host.count, 5)))) }
            let expected = CapabilityURLs.comparedKind(of: host)
            if expected == nil { none += 1 } else { kinds += 1 }
            #expect(CapabilityURLs.kind(of: host) == expected, "\(String(decoding: host, as: UTF8.self))")
            // The same bytes as `mayFollow` passes them: a slice of the text's buffer.
            let text = Array("https://".utf8) + host + Array("/x".utf8)
            text.withUnsafeBufferPointer { bytes in
                #expect(CapabilityURLs.kind(of: bytes[8..<(8 + host.count)]) == expected, "\(text)")
            }
        }
        #expect(kinds > 1_000 && none > 1_000, "\(kinds) kinds, \(none) none")
    }
}
