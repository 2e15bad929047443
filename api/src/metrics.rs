//! Prometheus metrics (`GET /metrics`, text format): requests and latencies by route, recovery
//! events by method and outcome, and the depth of the hashing queue and of the outbox. Route
//! labels are the route *patterns* (`/api/v1/admin/users/{user_id}`), never raw paths, so that
//! ids cannot blow up the number of series. Nothing personal is ever a label.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    pub http_requests: IntCounterVec,
    pub http_seconds: HistogramVec,
    pub recovery_events: IntCounterVec,
    pub hash_queue_depth: IntGauge,
    pub outbox_depth: IntGauge,
    pub delivery_failures: IntCounterVec,
}

impl Metrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("sspr".to_owned()), None)?;
        let http_requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests by route pattern, method and status",
            ),
            &["route", "method", "status"],
        )?;
        let http_seconds = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "HTTP request latency by route pattern and method",
            )
            .buckets(vec![
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["route", "method"],
        )?;
        let recovery_events = IntCounterVec::new(
            Opts::new(
                "recovery_events_total",
                "Reset and unlock steps by method kind and outcome",
            ),
            &["kind", "outcome"],
        )?;
        let hash_queue_depth = IntGauge::new(
            "hash_queue_depth",
            "Password hashing jobs waiting or running",
        )?;
        let outbox_depth = IntGauge::new(
            "outbox_depth",
            "Notifications waiting to be sent (at the last scrape)",
        )?;
        registry.register(Box::new(http_requests.clone()))?;
        registry.register(Box::new(http_seconds.clone()))?;
        registry.register(Box::new(recovery_events.clone()))?;
        registry.register(Box::new(hash_queue_depth.clone()))?;
        let delivery_failures = IntCounterVec::new(
            Opts::new(
                "code_delivery_failures_total",
                "Recovery codes the mail server or phone gateway did not take, by channel",
            ),
            &["channel"],
        )?;
        registry.register(Box::new(outbox_depth.clone()))?;
        registry.register(Box::new(delivery_failures.clone()))?;
        Ok(Self {
            registry,
            http_requests,
            http_seconds,
            recovery_events,
            hash_queue_depth,
            outbox_depth,
            delivery_failures,
        })
    }

    pub fn delivery_failure(&self, channel: &str) {
        self.delivery_failures.with_label_values(&[channel]).inc();
    }

    pub fn recovery(&self, kind: &str, outcome: &str) {
        self.recovery_events
            .with_label_values(&[kind, outcome])
            .inc();
    }

    /// The text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}
