@testable import KopsShell
import Testing

/// Times are shown to the second in UTC; anything else is shown as it came.
@Suite struct TimeTextTests {
    @Test(arguments: [
        ("2026-11-20T14:30:06Z", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06.123456Z", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06+00:00", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06.5+00:00", "2026-11-20T14:30:06Z"),
        ("2026-11-20T14:30:06+02:00", "2026-11-20T14:30:06+02:00"),
        ("2026-11-20 14:30:06Z", "2026-11-20 14:30:06Z"),
        ("14:30Z", "14:30Z"),
        ("", ""),
        ("2026-11-20T14:30:06.1Zé", "2026-11-20T14:30:06.1Zé"),
        ("2026-11-20T14:30:06.1éZ", "2026-11-20T14:30:06Z"),
    ])
    func short(iso: String, shown: String) {
        #expect(TimeText.short(iso) == shown)
    }

    @Test func noTimeIsADash() {
        #expect(TimeText.short(nil) == "-")
    }
}
