import Foundation
import KapsoDiagnostics
import Testing

@testable import KopsShell

/// tester66b X6: `explain 'response_status: 100'` read Graph code 100 ("invalid parameter"), though `response_status`
/// is a delivery's HTTP answer; `explain 'response_status: 299'` said "the API answered without an error" while 206 was
/// read as the receiver's answer; and a pasted delivered row (`{"status":"delivered","response_status":202,…}`) got
/// "invalid error code …; expected a code such as 131047". Now 1xx is an interim HTTP answer, 299 reads as 206 does,
/// and the delivered row says delivered, nothing failed.
@Suite struct X6DeliveryStatusLeftoversTests {
    @Test func aOneHundredResponseStatusIsAnHTTPInterimAnswerNotGraphCode100() {
        let run = OfflineShell.run("explain", "response_status: 100")
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("HTTP status: 100"), "\(run.out)")
        #expect(run.out.contains("answered by: your webhook's receiver"), "\(run.out)")
        #expect(run.out.contains("informational (1xx)"), "\(run.out)")
        #expect(!run.out.lowercased().contains("invalid parameter"), "\(run.out)")
    }

    @Test func a299ReadsAsA206Does() {
        let odd = OfflineShell.run("explain", "response_status: 299")
        let known = OfflineShell.run("explain", "response_status: 206")
        #expect(odd.status == .ok, "\(odd.err)")
        #expect(odd.out.contains("answered by: your webhook's receiver"), "\(odd.out)")
        #expect(odd.out.contains("a success in HTTP but not the 200 Kapso documents"), "\(odd.out)")
        #expect(!odd.out.contains("the API answered without an error"), "\(odd.out)")
        #expect(odd.out.replacingOccurrences(of: "299", with: "206") == known.out, "\(odd.out)\n---\n\(known.out)")
    }

    @Test func aDeliveredRowSaysDeliveredNothingFailed() {
        let run = OfflineShell.run("explain", #"{"status":"delivered","response_status":202,"attempt_count":1}"#)
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("delivered: the receiver answered 202 and Kapso counted the delivery as delivered, so nothing failed"), "\(run.out)")
        #expect(run.out.contains("none for this delivery"), "\(run.out)")
        #expect(!run.err.contains("invalid error code"), "\(run.err)")
        #expect(!run.out.contains("--status failed"), "\(run.out)")
    }
}
