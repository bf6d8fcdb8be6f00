package io.github.clerk4j;

/**
 * What a sign-in may show of the user before they are signed in ({@code user_data}).
 *
 * @param firstName first name, or {@code null}
 * @param lastName last name, or {@code null}
 * @param imageUrl profile image URL, or {@code null}
 * @param hasImage whether the user uploaded an image
 */
public record UserData(String firstName, String lastName, String imageUrl, boolean hasImage) {}
