/// Namespace for the Simulator module (filled in by its issue).
public enum SimulatorModule {}
