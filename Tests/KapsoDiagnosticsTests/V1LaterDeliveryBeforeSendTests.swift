import KapsoClient
import KapsoDiagnostics
import Testing

/// tester54 V1: "a later message … was delivered at T: the contact's phone was online and this number not blocked then"
/// cited a later message whose delivered status was stamped 53 minutes BEFORE this send (its own statuses an hour ahead
/// of its message time, an order kops's trace of it calls implausible). A status stamped before this send is no evidence.
@Suite struct V1LaterDeliveryBeforeSendTests {
    typealias P39 = Probe39LaterEvidenceTests

    static func later(delivered: Int64, read: Int64? = nil) throws -> Message {
        let id = "wamid.LATER1"
        var statuses = [P39.status(id, "sent", delivered - 10), P39.status(id, "delivered", delivered)]
        if let read { statuses.append(P39.status(id, "read", read)) }
        return try P39.outbound(id, at: P39.sent + 420, status: read == nil ? "delivered" : "read", statuses: statuses)
    }

    @Test func aDeliveryStampedBeforeThisSendIsNoEvidence() throws {
        let verdict = try P39.verdict([try Self.later(delivered: P39.sent - 53 * 60)])
        #expect(!verdict.text.contains("was delivered at"), "\(verdict.text)")
        #expect(!verdict.text.contains("phone was online"), "\(verdict.text)")
    }

    /// A reached status after this send is still read, even when an earlier one of the same message is not.
    @Test func aLaterReadAfterThisSendStillCounts() throws {
        let message = try P39.outbound(status: "sent", statuses: P39.sentOnly)
        let later = try Self.later(delivered: P39.sent - 53 * 60, read: P39.sent + 600)
        let evidence = LaterEvidence.of(message, among: [later, message], now: P39.now)
        #expect(evidence?.at == P39.sent + 600, "\(String(describing: evidence))")
    }
}
