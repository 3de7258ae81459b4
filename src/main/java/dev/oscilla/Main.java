package dev.oscilla;
public final class Main { public static void main(String[] a) {} }
