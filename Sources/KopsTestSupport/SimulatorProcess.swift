public import Foundation
#if canImport(Glibc)
    internal import Glibc
#endif

/// The `kapso-sim` executable started as a user would, on a free loopback port.
public final class SimulatorProcess {
    public let process: ChildProcess
    public let baseURL: String
    public let apiKey: String
    /// The first line the simulator printed (`listening on http://127.0.0.1:PORT`).
    public let firstLine: String
    private let outputEnd: Int32
    private var stopped = false

    /// Starts `kapso-sim --port 0 --api-key KEY --seed SEED --deterministic` and waits for its first line.
    public init(seed: String = "demo", apiKey: String = "e2e_key_0123456789", extraArguments: [String] = []) throws {
        self.apiKey = apiKey
        let pipe = try ChildPipe()
        do {
            process = try ChildProcess(
                executable: ProcessRunner.executable("kapso-sim").path,
                arguments: ["--port", "0", "--api-key", apiKey, "--seed", seed, "--deterministic"] + extraArguments,
                stdout: .descriptor(pipe.writeEnd))
        } catch {
            close(pipe.readEnd)
            close(pipe.writeEnd)
            throw error
        }
        close(pipe.writeEnd)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(pipe.readEnd, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        // The rest of stdout is not read: the simulator prints one line there, and a closed pipe would
        // only matter if it printed more than a pipe buffer.
        outputEnd = pipe.readEnd
        firstLine = String(decoding: line, as: UTF8.self)
        let prefix = "listening on "
        guard firstLine.hasPrefix(prefix) else {
            process.wait(seconds: 0)
            close(pipe.readEnd)
            throw SimulatorProcessError.unexpectedFirstLine(firstLine)
        }
        baseURL = String(firstLine.dropFirst(prefix.count))
    }

    /// Sends SIGTERM and waits up to 30 s (then SIGKILL, so a test never hangs); returns the exit status. The
    /// simulator stops in ~20–40 ms on an idle machine; 5 s was too short at load ~20 on 2 cores (session 33 saw a
    /// clean stop killed with status 9), and a simulator that never stops still fails the test, 30 s later.
    @discardableResult
    public func stop() -> Int32 {
        let status = process.wait(seconds: 0, grace: 30)
        if !stopped {
            stopped = true
            close(outputEnd)
        }
        return status
    }

    deinit { stop() }
}

/// Why the simulator process could not be used.
public enum SimulatorProcessError: Error {
    case unexpectedFirstLine(String)
}
