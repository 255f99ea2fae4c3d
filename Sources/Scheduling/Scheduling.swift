/// Namespace for the Scheduling module (filled in by its issue).
public enum SchedulingModule {}
