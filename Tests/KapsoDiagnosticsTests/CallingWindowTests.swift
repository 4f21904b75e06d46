import KapsoClient
import KapsoDiagnostics
import Testing

/// probe21 P21-7: on a number with WhatsApp calling on, a call from the contact opens the 24-hour window as a message does
/// (Meta, Service messages), and kops reads no calls: a window the messages show closed is said with that caveat there,
/// and only there.
@Suite struct CallingWindowTests {
    static let now = WindowVerdictTests.now
    static let hour = WindowVerdictTests.hour

    static func window(lastInbound: Int64?, calls: Bool) -> ContactWindow {
        var window = ContactWindow(evidence: lastInbound.map { .lastInbound($0) } ?? .noInbound, at: now)
        window.callsEnabled = calls
        return window
    }

    @Test func aClosedWindowOnACallingNumberIsHedged() {
        let closed = Self.window(lastInbound: Self.now - 24 * Self.hour - 60, calls: true)
        #expect(closed.text == "closed since 2026-11-21T11:59:00Z (1 min ago) by the contact's messages; only templates go through "
            + "unless the contact called since (calling is on for this number; kops cannot see calls)", "\(closed.text)")
        #expect(closed.isClosed, "the messages still say closed: reply refuses, --force sends")
        let never = Self.window(lastInbound: nil, calls: true)
        #expect(never.text.hasSuffix("only templates go through unless the contact called (calling is on for this number; kops cannot see calls)"), "\(never.text)")
    }

    @Test func anOpenWindowOrANumberWithoutCallingIsNotHedged() {
        let open = Self.window(lastInbound: Self.now - Self.hour, calls: true)
        #expect(open.callCaveat == nil && !open.text.contains("called"), "\(open.text)")
        let off = Self.window(lastInbound: Self.now - 24 * Self.hour - 60, calls: false)
        #expect(off.callCaveat == nil)
        #expect(off.text == "closed since 2026-11-21T11:59:00Z (1 min ago); only templates go through")
    }

    @Test func callsEnabledIsReadFromTheNumber() throws {
        let on = try PhoneNumber(json: ["id": "1", "calls_enabled": true])
        let off = try PhoneNumber(json: ["id": "1", "calls_enabled": false])
        let absent = try PhoneNumber(json: ["id": "1"])
        #expect(on.callsEnabled && !off.callsEnabled && !absent.callsEnabled)
    }
}
