// Reports module (in progress).
