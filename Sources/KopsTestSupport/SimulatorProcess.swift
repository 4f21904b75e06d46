public import Foundation

/// The `kapso-sim` executable started as a user would, on a free loopback port.
public final class SimulatorProcess {
    public let process: Process
    public let baseURL: String
    public let apiKey: String
    /// The first line the simulator printed (`listening on http://127.0.0.1:PORT`).
    public let firstLine: String

    /// Starts `kapso-sim --port 0 --api-key KEY --seed SEED --deterministic` and waits for its first line.
    public init(seed: String = "demo", apiKey: String = "e2e_key_0123456789", extraArguments: [String] = []) throws {
        self.apiKey = apiKey
        process = Process()
        process.executableURL = ProcessRunner.executable("kapso-sim")
        process.arguments = ["--port", "0", "--api-key", apiKey, "--seed", seed, "--deterministic"] + extraArguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line: [UInt8] = []
        let handle = pipe.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        firstLine = String(decoding: line, as: UTF8.self)
        let prefix = "listening on "
        guard firstLine.hasPrefix(prefix) else {
            process.terminate()
            throw SimulatorProcessError.unexpectedFirstLine(firstLine)
        }
        baseURL = String(firstLine.dropFirst(prefix.count))
    }

    /// Sends SIGTERM and waits up to 5 s (then SIGKILL, so a test never hangs); returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { stop() }
}

/// Why the simulator process could not be used.
public enum SimulatorProcessError: Error {
    case unexpectedFirstLine(String)
}
