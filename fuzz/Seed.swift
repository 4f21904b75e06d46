// libFuzzer target: kapso-sim's seed file loader and the routes that read seeded records. Property: any bytes as a
// seed file load or are refused with `SimulatorError` (one line), and a loaded seed serves every list, log search and
// look-up below without trapping (an overflowing timestamp, a range, an index).
import Foundation
@testable import KapsoSimulator

private let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-fuzz-seed-\(getpid()).json").path

private let requests: [(String, String, [String: String])] = [
    ("GET", "/platform/v1/whatsapp/phone_numbers", [:]),
    ("GET", "/platform/v1/whatsapp/messages", ["limit": "100"]),
    ("GET", "/platform/v1/whatsapp/conversations", [:]),
    ("GET", "/platform/v1/whatsapp/webhooks", [:]),
    ("GET", "/platform/v1/webhook_deliveries", [:]),
    ("GET", "/platform/v1/api_logs", ["period": "30d"]),
    ("GET", "/platform/v1/log_search", ["period": "30d", "limit": "100"]),
    ("GET", "/platform/v1/log_search", ["period": "context", "around": "2026-11-21T11:55:00Z"]),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else { return 0 }
    var options = SimulatorOptions(apiKey: "fuzz")
    options.seed = .file(path)
    options.deterministic = true
    let simulator: KapsoSimulator
    do {
        simulator = try KapsoSimulator(options: options)
    } catch let error as SimulatorError {
        precondition(!error.description.contains("\n"), "a seed refusal of more than one line: \(error)")
        return 0
    } catch {
        fatalError("a seed refusal that is no SimulatorError: \(error)")
    }
    let done = DispatchSemaphore(value: 0)
    Task {
        var ids: [String] = []
        for (method, target, query) in requests {
            let response = await simulator.state.respond(
                to: APIRequest(method: method, path: target, query: query, headers: ["X-API-Key": "fuzz"]))
            if target.hasSuffix("/messages"), let body = try? JSONParser.parse(response.body) {
                ids = (body["data"]?.arrayValue ?? []).prefix(5).compactMap { $0["id"]?.stringValue }
            }
        }
        for id in ids {
            _ = await simulator.state.respond(
                to: APIRequest(method: "GET", path: "/platform/v1/whatsapp/messages/" + id, headers: ["X-API-Key": "fuzz"]))
        }
        done.signal()
    }
    done.wait()
    return 0
}
