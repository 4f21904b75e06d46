/// What a running simulator has seen since it started.
public struct SimulatorCounters: Sendable, Equatable {
    /// HTTP requests answered (every route, including 401s and 404s).
    public var requests: Int
    /// TCP connections accepted; a client that keeps its connection alive counts once.
    public var connections: Int
    /// Outbound webhook deliveries created (one per event and webhook, however many attempts it takes).
    public var deliveries: Int

    public init(requests: Int, connections: Int, deliveries: Int) {
        self.requests = requests
        self.connections = connections
        self.deliveries = deliveries
    }
}
