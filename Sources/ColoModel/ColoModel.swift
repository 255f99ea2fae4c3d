/// Namespace for the ColoModel module (filled in by its issue).
public enum ColoModelModule {}
