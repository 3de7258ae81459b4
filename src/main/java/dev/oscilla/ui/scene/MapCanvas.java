package dev.oscilla.ui.scene;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A map that pans (drag) and zooms (wheel, about the cursor) without redrawing it: the map's colours go into one
 * {@link WritableImage} when the map changes, and panning or zooming only moves and scales that image (nearest
 * neighbour, so single pixels stay crisp). Shift + drag draws a rectangle; a click without dragging picks a pixel.
 * Positions are reported in display pixels of the map.
 */
final class MapCanvas extends Region {

    /** A press that moves less than this (screen pixels) before release is a click. */
    private static final double CLICK_SLOP = 3;
    private static final double MAX_ZOOM = 64;

    private final ImageView view = new ImageView();
    private final Rectangle selection = new Rectangle();
    private WritableImage image;
    private double zoom = 1;
    private double tx;
    private double ty;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean selecting;
    private boolean fitPending = true;
    private int[] selectionPixels;    // x0, y0, x1, y1 in display pixels, inclusive; null when none

    private BiConsumer<Integer, Integer> onPick = (x, y) -> { };
    private BiConsumer<Integer, Integer> onHover = (x, y) -> { };
    private Consumer<int[]> onSelect = r -> { };

    MapCanvas() {
        setId("scene-map");
        getStyleClass().add("scene-map");
        view.setSmooth(false);
        view.setPreserveRatio(false);
        view.setManaged(false);
        selection.setManaged(false);
        selection.setFill(Color.color(1, 1, 1, 0.15));
        selection.setStroke(Color.WHITE);
        selection.getStrokeDashArray().setAll(4.0, 4.0);
        selection.setVisible(false);
        selection.setMouseTransparent(true);
        getChildren().addAll(view, selection);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(200, 200);
        setStyle("-fx-background-color: #3a3a3a;");
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    void setOnPick(BiConsumer<Integer, Integer> handler) {
        onPick = handler;
    }

    void setOnHover(BiConsumer<Integer, Integer> handler) {
        onHover = handler;
    }

    /** Receives the drawn rectangle {x0, y0, x1, y1} (display pixels, inclusive) when the drag ends. */
    void setOnSelect(Consumer<int[]> handler) {
        onSelect = handler;
    }

    /** Shows new colours: written into the image once; the view is fitted when the map's size changes. */
    void show(int[] argb, int width, int height) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            view.setImage(image);
            fitPending = true;
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        if (fitPending && getWidth() > 0) {
            fit();
        }
        place();
    }

    /** Fits the whole map in the view. */
    void fit() {
        if (image == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        zoom = Math.min(getWidth() / image.getWidth(), getHeight() / image.getHeight());
        tx = (getWidth() - image.getWidth() * zoom) / 2;
        ty = (getHeight() - image.getHeight() * zoom) / 2;
        fitPending = false;
        place();
    }

    /** Zooms by {@code factor} about the view point (x, y). */
    void zoomAbout(double factor, double x, double y) {
        if (image == null) {
            return;
        }
        double min = Math.min(getWidth() / image.getWidth(), getHeight() / image.getHeight()) / 4;
        double z = Math.max(min, Math.min(MAX_ZOOM, zoom * factor));
        tx = x - (x - tx) * z / zoom;
        ty = y - (y - ty) * z / zoom;
        zoom = z;
        place();
    }

    /** Moves the map by (dx, dy) view pixels. */
    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        place();
    }

    double zoom() {
        return zoom;
    }

    /** The map pixel under a view point. */
    Point2D toMap(double x, double y) {
        return new Point2D(Math.floor((x - tx) / zoom), Math.floor((y - ty) / zoom));
    }

    /** The view point of a map pixel's top-left corner. */
    Point2D toView(double mapX, double mapY) {
        return new Point2D(tx + mapX * zoom, ty + mapY * zoom);
    }

    void clearSelection() {
        selectionPixels = null;
        selection.setVisible(false);
    }

    private void place() {
        if (image == null) {
            return;
        }
        // only the visible part of the map is drawn (the viewport), so a frame costs the view's size at any zoom
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double x0 = Math.max(0, Math.floor(-tx / zoom));
        double y0 = Math.max(0, Math.floor(-ty / zoom));
        double x1 = Math.min(image.getWidth(), Math.ceil((w - tx) / zoom));
        double y1 = Math.min(image.getHeight(), Math.ceil((h - ty) / zoom));
        if (x1 <= x0 || y1 <= y0) {
            view.setVisible(false);
        } else {
            view.setVisible(true);
            view.setViewport(new Rectangle2D(x0, y0, x1 - x0, y1 - y0));
            view.setLayoutX(tx + x0 * zoom);
            view.setLayoutY(ty + y0 * zoom);
            view.setFitWidth((x1 - x0) * zoom);
            view.setFitHeight((y1 - y0) * zoom);
        }
        if (selectionPixels != null) {
            Point2D a = toView(selectionPixels[0], selectionPixels[1]);
            Point2D b = toView(selectionPixels[2] + 1, selectionPixels[3] + 1);
            selection.setX(a.getX());
            selection.setY(a.getY());
            selection.setWidth(b.getX() - a.getX());
            selection.setHeight(b.getY() - a.getY());
            selection.setVisible(true);
        }
    }

    @Override
    protected void layoutChildren() {
        if (fitPending) {
            fit();
        } else {
            place();
        }
    }

    private void pressed(MouseEvent e) {
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        selecting = e.isShiftDown();
        requestFocus();
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
            dragged = true;
        }
        if (selecting) {
            selectionPixels = rectangle(pressX, pressY, e.getX(), e.getY());
            place();
        } else {
            pan(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        hover(e.getX(), e.getY());
    }

    private void released(MouseEvent e) {
        if (!dragged) {
            Point2D p = toMap(e.getX(), e.getY());
            if (inside(p)) {
                onPick.accept((int) p.getX(), (int) p.getY());
            }
        } else if (selecting && selectionPixels != null) {
            onSelect.accept(selectionPixels.clone());
        }
        selecting = false;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAbout(Math.pow(1.25, e.getDeltaY() / 40.0), e.getX(), e.getY());
        }
        e.consume();
    }

    private void hover(double x, double y) {
        Point2D p = toMap(x, y);
        onHover.accept((int) p.getX(), (int) p.getY());
    }

    private boolean inside(Point2D p) {
        return image != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() < image.getWidth()
                && p.getY() < image.getHeight();
    }

    /** The map pixels spanned by two view points, clamped to the map. */
    private int[] rectangle(double x0, double y0, double x1, double y1) {
        Point2D a = toMap(Math.min(x0, x1), Math.min(y0, y1));
        Point2D b = toMap(Math.max(x0, x1), Math.max(y0, y1));
        int w = (int) image.getWidth() - 1;
        int h = (int) image.getHeight() - 1;
        return new int[] {clamp(a.getX(), w), clamp(a.getY(), h), clamp(b.getX(), w), clamp(b.getY(), h)};
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
