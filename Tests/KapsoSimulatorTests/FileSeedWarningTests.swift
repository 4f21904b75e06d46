import Foundation
import Testing
@testable import KapsoSimulator

/// A seed file that lists one id twice still loads, and says so (probe7 P7-8: the dumped demo listed each
/// webhook twice, and nothing said it).
@Suite struct FileSeedWarningTests {
    @Test func anIDListedTwiceIsWarnedAbout() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seed = """
            {"webhooks": [{"id": "w1", "url": "https://a.test/h"}, {"id": "w2", "url": "https://b.test/h"},
                          {"id": "w1", "url": "https://a.test/h"}],
             "conversations": [{"id": "c1"}, {"id": "c2"}]}
            """
        try Data(seed.utf8).write(to: URL(fileURLWithPath: path))
        let data = try FileSeed.load(path: path)
        #expect(data.webhooks.count == 3)
        #expect(data.warnings == [
            "webhooks: id w1 is listed 2 times (items 1 and 3); every copy is served, so lists show it 2 times"
        ])
    }
}
