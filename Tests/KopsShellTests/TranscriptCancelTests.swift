import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A command stopped with Ctrl-C while recording (probe7 P7-11): `kops check` keeps its block as recorded and
/// names it, instead of running it to an end the recording never saw; the masked aliases of later commands
/// stay as recorded.
@Suite struct TranscriptCancelTests {
    @Test func aCancelledCommandIsKeptAndTheRestReplaysClean() async throws {
        let lines = ["deliveries --limit 3", "messages --limit 3", "errors --flat"]
        let transcript = try await withSimulator { fixture in
            // The first deliveries request is stopped as Ctrl-C stops it.
            let transport = HookedTransport(
                inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            ) { poll throws(TransportError) in
                if poll == 1 { throw .cancelled(sent: false) }
                return nil
            }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(
                session: Session(baseURL: client.baseURL, phoneNumberID: "100200300400501"), client: client,
                registry: .standard)
            let shell = Shell(context: context, renderer: Renderer(), output: BufferOutput())
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: context, keepPII: false), destination: .memory, context: context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
        #expect(transcript.contains("> deliveries --limit 3\nerror: cancelled\n```"), "\(transcript)")
        #expect(transcript.contains("<body 1>"), "later commands mask bodies: \(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.keptAsRecorded.map(\.command) == ["deliveries --limit 3"])
        #expect(outcome.keptAsRecorded.first?.reason == "it was stopped with Ctrl-C when recorded")
    }
}
