internal import KapsoClient
internal import KopsHTTP

/// `sim clock`, `sim advance SECONDS`: reads or moves kapso-sim's clock (its `/__sim/clock` control endpoints),
/// so a demo or a recorded story can show what happens later: deliveries, reads, webhook retries.
public enum SimCommand: Command {
    public static let name = "sim"
    public static let summary = "kapso-sim only: show its clock or move it forward to let statuses and retries happen"
    public static let usage = "sim clock | sim advance SECONDS"
    public static let details = """
        Talks to the simulator's control endpoints (same API key); any other API answers that it has
        none. 'sim advance 10' moves the clock 10 s forward and runs what became due: a sent message
        is delivered 2 s after sending and read after 5 s; webhook retries follow their schedule.
        Example:
          reply --template part_ready --language en_US --param customer_name=Lee --param order_id=A-1042; sim advance 10; trace
        """
    public static let maxArguments: Int? = 2

    public static func isWrite(_ words: [String]) -> Bool { words.first == "advance" }

    public static func validate(_ arguments: Arguments) throws { _ = try advance(arguments) }

    /// The seconds `advance` moves the clock, nil for `clock`; another verb, an extra word or a bad number is refused.
    private static func advance(_ arguments: Arguments) throws(ShellError) -> Double? {
        switch try arguments.required(0, "'clock' or 'advance SECONDS'") {
        case "clock":
            guard arguments.positionals.count == 1 else {
                throw .unexpectedArgument(command: name, argument: arguments.positionals[1], usage: usage)
            }
            return nil
        case "advance":
            let text = try arguments.required(1, "seconds to advance")
            guard let seconds = Double(text), seconds >= 0, seconds <= 31_536_000 else {
                throw .invalidValue(
                    command: name, what: "seconds", value: text, expected: "a number of seconds from 0 to 31536000 (a year)")
            }
            return seconds
        case let verb:
            throw .invalidValue(command: name, what: "subcommand", value: verb, expected: "'clock' or 'advance'")
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let advanced = try advance(arguments)
        let client = context.client
        var request = HTTPRequest(
            method: "GET", url: client.baseURL + "/__sim/clock",
            headers: [HTTPHeader("X-API-Key", secret: client.apiKey), HTTPHeader("Accept", "application/json")])
        if let seconds = advanced {
            request.method = "POST"
            request.url += "/advance"
            request.headers.append(HTTPHeader("Content-Type", "application/json"))
            request.body = Array(JSONValue.object(["seconds": .number(String(seconds))]).serialized().utf8)
        }
        let json = try perform(request, on: client)
        guard let now = json["data"]?["now"]?.string else { throw SimError.notASimulator(host: client.host) }
        // The simulator waits (a while) for webhook attempts to end before it answers; any still running are named.
        let running = json["data"]?["attempts_running"]?.int ?? 0
        let ran = running > 0 ? "what became due started, \(running) webhook attempt\(running == 1 ? "" : "s") still running" : "what became due ran"
        let text = advanced.map { "simulator clock: \(now) (moved \(Self.seconds($0)) s forward; \(ran))" }
            ?? "simulator clock: \(now)"
        return CommandResult(blocks: [.line(StyledText(text))], json: json["data"])
    }

    /// The control endpoint's answer; another API answers 404 or no JSON: not a simulator (401 and transport
    /// errors stay as they are).
    private static func perform(_ request: HTTPRequest, on client: KapsoClient) throws -> JSONValue {
        let result: Result<JSONValue, KapsoAPIError>
        do throws(KapsoAPIError) {
            result = .success(try client.perform(request))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let json): return json
        case .failure(.notFound), .failure(.badResponse): throw SimError.notASimulator(host: client.host)
        case .failure(let error): throw error
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// `sim` pointed at an API that is not kapso-sim.
public enum SimError: KopsError, Equatable {
    case notASimulator(host: String)

    public var message: String {
        switch self {
        case .notASimulator(let host): "sim: \(host) is not kapso-sim (no /__sim control endpoints); 'sim' only drives the simulator"
        }
    }

    public var exitStatus: ExitStatus { .failure }
}
