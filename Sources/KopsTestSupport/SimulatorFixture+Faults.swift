public import KapsoSimulator

extension SimulatorFixture {
    /// Sets the simulator's faults from a spec such as `truncate` or `latency=3000ms` (see `SimulatorFaults`),
    /// waiting until they apply; call from the fixture's own (non-pool) thread.
    public func setFaults(_ spec: String) throws {
        let faults = try SimulatorFaults(spec: spec)
        let done = BlockingResult<Bool>()
        let simulator = self.simulator.simulator
        Task {
            await simulator.setFaults(faults)
            done.set(true)
        }
        _ = done.wait()
    }
}
