import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// Times are shown to the second in UTC; anything else is shown as it came.
@Suite struct TimeTextTests {
    @Test(arguments: [
        ("2026-11-20T14:30:06Z", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06.123456Z", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06+00:00", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06.5+00:00", "2026-11-20T14:30:06Z"),
        // tester69 C6: another offset is shown in UTC, as every other time (a Rails app's `-05:00` beside kops's `Z`
        // read as a 5-hour gap).
        ("2026-11-20T14:30:06+02:00", "2026-11-20T12:30:06Z"), ("2026-11-21T02:45:40.000-05:00", "2026-11-21T07:45:40Z"),
        ("2026-11-20T14:30:06+0530", "2026-11-20T09:00:06Z"),
        ("2026-11-20 14:30:06Z", "2026-11-20 14:30:06Z"),
        ("14:30Z", "14:30Z"),
        ("", ""),
        ("2026-11-20T14:30:06.1Zé", "2026-11-20T14:30:06.1Zé"),
        ("2026-11-20T14:30:06.1éZ", "2026-11-20T14:30:06Z"),
    ])
    func short(iso: String, shown: String) {
        #expect(TimeText.short(iso) == shown)
    }

    /// The reading by `Character`s that the byte readings stand in front of.
    static func byCharacters(_ iso: String) -> String {
        guard iso.count >= 19, iso.dropFirst(10).first == "T", iso.hasSuffix("Z") || iso.hasSuffix("+00:00") else {
            guard iso.count >= 19, iso.dropFirst(10).first == "T", let seconds = KapsoTime.seconds(iso: iso) else { return iso }
            return KapsoTime.iso(seconds)
        }
        return iso.prefix(19) + "Z"
    }

    /// On random texts around the API's 20-byte shape (controls, non-ASCII, combining marks, `\r\n` in any place):
    /// the same text as the `Character` reading.
    @Test func shortIsTheCharacterReading() {
        let pieces = ["2", "0", "-", ":", "T", "Z", ".", "+00:00", " ", "\u{7F}", "\t", "é", "\u{301}", "\r\n", "\n", "中", "z"]
        let sent = "2026-11-20T14:30:06Z"
        var generator = SplitMix(seed: 1413)
        var asSent = 0
        for _ in 0..<30_000 {
            var text = Array(sent).map(String.init)
            // Up to three characters of the API's shape replaced, one sometimes added or removed.
            for _ in 0..<(generator.next() % 4) {
                text[Int(generator.next() % UInt64(text.count))] = pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            switch generator.next() % 6 {
            case 0: text.insert(pieces[Int(generator.next() % UInt64(pieces.count))], at: Int(generator.next() % 21))
            case 1: text.remove(at: Int(generator.next() % 20))
            default: break
            }
            let iso = text.joined()
            #expect(TimeText.short(iso).utf8.elementsEqual(Self.byCharacters(iso).utf8), "\(iso.debugDescription)")
            if TimeText.short(iso) == iso, iso.utf8.count == 20 { asSent += 1 }
        }
        #expect(asSent > 3_000)
    }

    @Test func noTimeIsADash() {
        #expect(TimeText.short(nil) == "-")
    }
}
