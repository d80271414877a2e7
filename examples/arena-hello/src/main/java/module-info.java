/** A user's module: it reads hakmem's API package; hakmem's internal packages are not visible. */
module example.arenahello {
    requires org.hakmem.allocator;
    exports example;
}
