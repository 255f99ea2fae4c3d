/// Namespace for the Scenario module (filled in by its issue).
public enum ScenarioModule {}
