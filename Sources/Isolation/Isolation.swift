/// Namespace for the Isolation module (filled in by its issue).
public enum IsolationModule {}
