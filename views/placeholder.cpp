namespace td { int viewsPlaceholder() { return 0; } }
