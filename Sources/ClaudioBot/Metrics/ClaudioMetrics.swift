import CoreMetrics
import Prometheus
import Shared

/// The daemon's metrics (SPEC §16) in the Prometheus text format: swift-metrics objects made by a factory over a
/// Prometheus registry this instance owns.
///
/// Nothing is bootstrapped into swift-metrics' process-wide `MetricsSystem`: every daemon — and every test that
/// assembles one, several in one process — owns its registry, so none sees or counts another's events. Counters with
/// labels start at zero for every label value Claudio knows, so `rate()` works from the first scrape.
final class ClaudioMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let jobDuration: CoreMetrics.Timer
    private let cost: FloatingPointCounter

    /// How finished jobs' durations are bucketed: seconds to the default `COMMAND_TIMEOUT` and beyond.
    static let durationBuckets: [Duration] = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600].map { .seconds($0) }

    /// - Parameter commandTimeout: `COMMAND_TIMEOUT`, exposed for alerts on jobs near it.
    init(commandTimeout: Double) {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[MetricName.jobDuration] = Self.durationBuckets
        self.factory = factory
        jobDuration = CoreMetrics.Timer(label: MetricName.jobDuration, factory: factory)
        cost = FloatingPointCounter(label: MetricName.cost, factory: factory)
        CoreMetrics.Gauge(label: MetricName.up, factory: factory).record(1)
        CoreMetrics.Gauge(label: MetricName.jobTimeout, factory: factory).record(commandTimeout)
        observeJobs([])
        // Making a series registers it at zero.
        for platform in Platform.allCases {
            for outcome in JobOutcomeKind.allCases { _ = finishedCounter(platform, outcome) }
            for reason in [DeniedReason.notAllowed, .otherWorkspace, .myID] { _ = deniedCounter(platform, reason) }
            _ = rateLimitedCounter(platform)
            for kind in ChannelErrorKind.allCases { _ = channelErrorCounter(platform, kind) }
        }
        for decision in ApprovalDecisionKind.allCases { _ = approvalCounter(decision) }
    }

    // MARK: Events

    /// A job ended: counted by platform and outcome, its run time recorded (nil for a queued job that never ran),
    /// its cost added.
    func jobFinished(platform: Platform, outcome: JobOutcomeKind, durationSeconds: Double?, costUSD: Double?) {
        finishedCounter(platform, outcome).increment()
        if let durationSeconds { jobDuration.recordNanoseconds(Int64(max(0, durationSeconds) * 1e9)) }
        if let costUSD, costUSD > 0 { cost.increment(by: costUSD) }
    }

    /// A denied-access attempt was recorded.
    func denied(platform: Platform, reason: DeniedReason) {
        deniedCounter(platform, reason).increment()
    }

    /// A prompt was refused by the rate limit.
    func rateLimited(platform: Platform) {
        rateLimitedCounter(platform).increment()
    }

    /// A tool-approval request was answered (or timed out).
    func approvalDecided(_ decision: ApprovalDecisionKind) {
        approvalCounter(decision).increment()
    }

    /// A channel met a failure.
    func channelError(_ channel: Platform, kind: ChannelErrorKind) {
        channelErrorCounter(channel, kind).increment()
    }

    /// Sets the job gauges from the scheduler's rows; called right before each scrape, so they are never stale.
    func observeJobs(_ jobs: [JobInfo]) {
        for state in JobRunState.allCases {
            gauge(MetricName.jobs, ["state": state.rawValue]).record(jobs.count { $0.state == state })
        }
        // A job waiting for a tool approval is still running: its clock runs towards COMMAND_TIMEOUT.
        let running = jobs.filter(\.state.isRunning)
        gauge(MetricName.longestRunningJob, [:]).record(running.map(\.elapsedSeconds).max() ?? 0)
    }

    /// Everything, in the Prometheus text exposition format.
    var exposition: String { registry.emitToString() }

    // MARK: Series

    private func finishedCounter(_ platform: Platform, _ outcome: JobOutcomeKind) -> CoreMetrics.Counter {
        counter(MetricName.jobsFinished, ["platform": platform.rawValue, "outcome": outcome.rawValue])
    }

    private func deniedCounter(_ platform: Platform, _ reason: DeniedReason) -> CoreMetrics.Counter {
        counter(MetricName.denied, ["platform": platform.rawValue, "reason": reason.rawValue])
    }

    private func rateLimitedCounter(_ platform: Platform) -> CoreMetrics.Counter {
        counter(MetricName.rateLimited, ["platform": platform.rawValue])
    }

    private func approvalCounter(_ decision: ApprovalDecisionKind) -> CoreMetrics.Counter {
        counter(MetricName.approvals, ["decision": decision.rawValue])
    }

    private func channelErrorCounter(_ channel: Platform, _ kind: ChannelErrorKind) -> CoreMetrics.Counter {
        counter(MetricName.channelErrors, ["channel": channel.rawValue, "kind": kind.rawValue])
    }

    /// The registry hands back the series already made for a name and labels, so this is a lookup after the first.
    private func counter(_ name: String, _ labels: KeyValuePairs<String, String>) -> CoreMetrics.Counter {
        CoreMetrics.Counter(label: name, dimensions: labels.map { ($0.key, $0.value) }, factory: factory)
    }

    private func gauge(_ name: String, _ labels: KeyValuePairs<String, String>) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: name, dimensions: labels.map { ($0.key, $0.value) }, factory: factory)
    }
}
