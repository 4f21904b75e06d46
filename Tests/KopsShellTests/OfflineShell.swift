import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport

/// A shell for commands that work offline: its client answers from a stub and any request is a bug.
struct OfflineShell {
    /// The API key the shell's client holds; never expected in output.
    static let apiKey = "sk_test_offline_0123"

    let shell: Shell
    let output = BufferOutput()
    let transport = StubTransport(status: 500, body: "{\"error\":\"offline commands send no requests\"}")

    init() {
        let client = KapsoClient(
            baseURL: "https://api.kapso.ai", apiKey: Secret(OfflineShell.apiKey), transport: transport)
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        shell = Shell(context: context, renderer: Renderer(), output: output)
    }

    /// Runs one command in a fresh shell: its exit status, standard output and standard error.
    static func run(_ words: String...) -> (status: ExitStatus, out: String, err: String, requests: Int) {
        run(words)
    }

    static func run(_ words: [String]) -> (status: ExitStatus, out: String, err: String, requests: Int) {
        let offline = OfflineShell()
        let status = offline.shell.run(words: words)
        return (status, offline.output.out, offline.output.err, offline.transport.requests.count)
    }
}

extension OfflineShell {
    /// Starts recording this shell's lines into memory, personal data kept (offline commands show none).
    func recording() throws -> TranscriptRecorder {
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
        shell.recorder = recorder
        return recorder
    }
}
