import KapsoClient
import KapsoSimulator
import KopsHTTP
import KopsShell
import KopsTestSupport

/// What one command line printed in a shell on the demo simulator.
struct Ran: Sendable {
    var status: Int32
    var out: String
    var err: String
}

/// Runs command lines in one shell on a fresh deterministic simulator (the demo unless `seed` names another),
/// one `Ran` per line.
func runDemo(
    _ lines: [String], number: String? = "100200300400502", seed: SimulatorSeed = .demo, interactive: Bool = false,
    confirm: (@Sendable (String) -> Bool)? = nil, width: Int? = nil
) async throws -> [Ran] {
    try await withSimulator(seed: seed) { fixture in
        let (shell, output) = try fixture.shell(phoneNumberID: number)
        if let width { shell.terminalWidth = { width } }
        shell.context.isInteractive = interactive
        shell.context.now = { 1_795_262_400 }
        if let confirm { shell.context.confirm = confirm }
        return lines.map { line in
            let (out, err) = (output.out.count, output.err.count)
            let status = shell.run(line: line)
            return Ran(
                status: status.rawValue, out: String(output.out.dropFirst(out)), err: String(output.err.dropFirst(err)))
        }
    }
}

/// Runs one command line in a fresh demo shell.
func runDemo(_ line: String, number: String? = "100200300400502") async throws -> Ran {
    try await runDemo([line], number: number)[0]
}

