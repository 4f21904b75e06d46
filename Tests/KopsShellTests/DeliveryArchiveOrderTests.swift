import Foundation
@testable import KopsShell
import Testing

/// probe44 P44-8: two `listen --save DIR` sessions saving in the same second. The second session's file took a `-2`
/// suffix that sorts before the first (`-` < `.`), so `replay DIR`, which sends in name order, sent the later delivery
/// first. Each file's number is now raised above every file saved in that folder in that second.
@Suite struct DeliveryArchiveOrderTests {
    private static func request(_ key: String) -> IncomingRequest {
        IncomingRequest(
            method: "POST", target: "/", headers: [("x-idempotency-key", key)], body: Array(#"{"k":"\#(key)"}"#.utf8))
    }

    private static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-archive-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Sessions A and B interleave in one second (A#1, B#1, A#2, B#2), then A's third delivery a second later with B's
    /// third in that second too: name order is arrival order.
    @Test func nameOrderIsArrivalOrderAcrossSessions() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let second = Date(timeIntervalSince1970: 1_764_806_400)
        let arrivals: [(key: String, number: Int, at: Date)] = [
            ("a1", 1, second), ("b1", 1, second), ("a2", 2, second), ("b2", 2, second),
            ("a3", 3, second + 1), ("b3", 3, second + 1),
        ]
        for arrival in arrivals {
            _ = try DeliveryArchive.save(
                Self.request(arrival.key), event: "whatsapp.message.received", number: arrival.number, in: folder, at: arrival.at)
        }
        let files = try DeliveryArchive.files(at: folder)
        let keys = try files.map { try DeliveryArchive.load($0).request.headers.first { $0.name == "x-idempotency-key" }?.value }
        #expect(keys == arrivals.map(\.key), "\(files.map { URL(fileURLWithPath: $0).lastPathComponent })")
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent }.first == "20251204T000000Z-0001-whatsapp.message.received.http")
    }

    /// A session's own number is kept when nothing else was saved in its second (names as before).
    @Test func aLoneSessionKeepsItsNumbers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try DeliveryArchive.save(
            Self.request("k"), event: "whatsapp.message.sent", number: 7, in: folder, at: Date(timeIntervalSince1970: 1_764_806_400))
        #expect(path.hasSuffix("/20251204T000000Z-0007-whatsapp.message.sent.http"))
    }
}
