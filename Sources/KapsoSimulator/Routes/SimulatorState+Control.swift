// MARK: - Control endpoints under /__sim/ (same X-API-Key; never faulted, counted or logged)

extension SimulatorState {
    /// The longest single clock advance accepted: ten years.
    static let maximumAdvanceSeconds = 315_360_000.0

    /// `GET|POST|DELETE /__sim/faults`, `GET /__sim/clock`, `POST /__sim/clock/advance`, `GET /__sim/counters`,
    /// `GET|POST /__sim/log_search` (body `{"available": false}` makes log search answer `available: false`).
    func control(_ request: APIRequest) async -> APIResponse {
        do {
            try requireJSONBody(request, surface: .control)
            switch (request.method, Array(request.segments.dropFirst())) {
            case ("GET", ["faults"]): return faultsResponse()
            case ("POST", ["faults"]), ("PUT", ["faults"]):
                setFaults(try Self.faults(from: try request.jsonObject()))
                return faultsResponse()
            case ("DELETE", ["faults"]):
                setFaults(.none)
                return faultsResponse()
            case ("GET", ["clock"]): return clockResponse()
            case ("POST", ["clock", "advance"]):
                let seconds = try Self.seconds(from: try request.jsonObject(), room: SimulatorClock.end.seconds - clock.now.seconds)
                _ = await advanceClock(byMicroseconds: Int64((seconds * 1_000_000).rounded()))
                return clockResponse()
            case ("GET", ["log_search"]): return .data(["available": .bool(logSearchAvailable)])
            case ("POST", ["log_search"]), ("PUT", ["log_search"]):
                guard let available = try request.jsonObject()["available"]?.boolValue else {
                    return APIError.validation([("available", "must be true or false")]).response
                }
                setLogSearchAvailable(available)
                return .data(["available": .bool(logSearchAvailable)])
            case ("GET", ["counters"]):
                return .data([
                    "requests": .int(requestCount), "connections": .int(connectionCount()),
                    "deliveries": .int(deliveryCount),
                ])
            case (_, ["faults"]), (_, ["clock"]), (_, ["clock", "advance"]), (_, ["counters"]), (_, ["log_search"]):
                return .error(405, "Method \(request.method) not allowed on \(request.path)")
            default:
                return .error(404, "Not found; the control endpoints are /__sim/faults, /__sim/clock, /__sim/clock/advance, /__sim/counters and /__sim/log_search")
            }
        } catch {
            return error.response
        }
    }

    func setFaults(_ faults: SimulatorFaults) {
        self.faults.set(faults)
        emit(faults.isEmpty ? "faults cleared" : "faults set: \(faults)")
    }

    var currentFaults: SimulatorFaults { faults.remainingFaults }

    private func faultsResponse() -> APIResponse {
        .data(["faults": .string(faults.remainingFaults.description)])
    }

    private func clockResponse() -> APIResponse {
        .data([
            "now": .string(clock.now.iso), "now_micros": .int(Int(clock.now.micros)), "fixed": .bool(clock.isFixed),
            "offset_seconds": .double(Double(clock.offset) / 1_000_000), "time_scale": .double(timeScale),
            "attempts_running": .int(runningAttempts.count),
        ])
    }

    /// `{"faults": "latency=100ms,reset"}`, `{"faults": ["latency=100ms", "reset"]}`; null or `""` clears.
    private static func faults(from body: JSONObject) throws(APIError) -> SimulatorFaults {
        guard let value = body["faults"] else {
            throw .validation([("faults", "is required: a spec such as \"latency=100ms,rate=0.2:500\", or \"\" to clear")])
        }
        let specs: [String]
        switch value {
        case .null: specs = []
        case .string(let spec): specs = [spec]
        case .array(let items):
            specs = items.compactMap(\.stringValue)
            guard specs.count == items.count else { throw .validation([("faults", "must be a string or a list of strings")]) }
        default: throw .validation([("faults", "must be a string or a list of strings")])
        }
        var faults = SimulatorFaults.none
        for spec in specs {
            do {
                faults = faults.adding(try SimulatorFaults(spec: spec))
            } catch {
                throw .validation([("faults", error.description)])
            }
        }
        return faults
    }

    /// `{"seconds": N}` with 0 ≤ N ≤ ten years, and no more than `room`, the seconds left before the clock's end.
    private static func seconds(from body: JSONObject, room: Int64) throws(APIError) -> Double {
        let value: Double? =
            switch body["seconds"] {
            case .int(let number)?: Double(number)
            case .double(let number)?: number
            default: nil
            }
        guard let value, value.isFinite, value >= 0, value <= maximumAdvanceSeconds else {
            throw .validation([("seconds", "must be a number of seconds from 0 to \(Int(maximumAdvanceSeconds))")])
        }
        guard value <= Double(room) else {
            throw .validation([("seconds", "must be at most \(room): the simulator's clock ends at Unix second \(SimulatorClock.end.seconds)")])
        }
        return value
    }
}
