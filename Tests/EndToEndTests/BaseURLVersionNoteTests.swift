import Foundation
import KopsTestSupport
import Testing

/// probe41 P41-10: a base URL that ends in a Graph version Meta retired or never released was cut to its host without a
/// word; the variable is the user's integration's too, and the version is the clue in an "every call returns 404" story.
@Suite struct BaseURLVersionNoteTests {
    /// The host with `suffix`, in KAPSO_API_BASE_URL: kops works on the host and says once at start what the version is.
    @Test(arguments: [
        ("/meta/whatsapp/v16.0", "note: the base URL (env KAPSO_API_BASE_URL) ends in Graph v16.0, a version Meta retired on 2025-05-14"),
        ("/meta/whatsapp/v99.0/", "note: the base URL (env KAPSO_API_BASE_URL) ends in Graph v99.0, a version Meta never released"),
        ("/meta/whatsapp/v24.0", "note: the base URL (env KAPSO_API_BASE_URL) ends in /meta/whatsapp/v24.0, which kops cuts"),
        ("", nil),
    ] as [(String, String?)])
    func aRetiredOrUnknownVersionInTheBaseURLIsSaid(suffix: String, note: String?) async throws {
        let (result, simulator) = try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            return (try ProcessRunner.run(
                "kops", ["-c", "numbers"],
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL + suffix, "KAPSO_API_KEY": simulator.apiKey]), simulator.baseURL)
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Support Line"))
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("note: the base URL") }
        if let note {
            #expect(notes.count == 1 && notes[0].hasPrefix(note), "\(result.stderr)")
            #expect(notes.first?.contains("kops uses \(simulator) and adds the API's paths itself") == true, "\(result.stderr)")
        } else {
            #expect(notes.isEmpty, "\(result.stderr)")
        }
    }
}
