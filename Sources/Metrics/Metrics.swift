/// Namespace for the Metrics module (filled in by its issue).
public enum MetricsModule {}
