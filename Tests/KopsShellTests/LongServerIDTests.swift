import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// A server whose number answers with a 10 MB `business_account_id`: `template NAME` uses it in the next request's path.
/// kops refuses that request on one short line naming the route and the id's length; the server never gets it, and the
/// 10 MB never reach the terminal (libcurl once answered "invalid URL" and kops printed the whole URL).
@Suite struct LongServerIDTests {
    @Test func aTenMegabyteIdIsNotSentNorPrinted() async throws {
        let waba = String(repeating: "7", count: 10 << 20)
        let number = #"{"data":{"id":"100200300400501","name":"Support Line","business_account_id":"\#(waba)"}}"#
        let server = try HostileServer { request in
            request.path.hasPrefix("/platform/v1/whatsapp/phone_numbers/100200300400501")
                ? .json(number) : .json(status: 404, #"{"error":"Not found"}"#)
        }
        defer { server.stop() }
        let (status, out, err) = try await offPool {
            let (shell, output) = try server.shell(timeout: 10)
            let status = shell.run(line: "template part_ready")
            return (status, output.out, output.err)
        }
        #expect(status == .failure, "\(err.prefix(500))")
        #expect(err.contains("not sent: the id in /meta/whatsapp/v24.0/{id}/message_templates is 10485760 characters "
            + "('777777777777777777777777…')"), "\(err.prefix(500))")
        #expect(err.count < 500 && out.count < 500, "\(err.count) \(out.count)")
        #expect(!server.requests.contains { $0.path.contains("message_templates") })
    }
}
