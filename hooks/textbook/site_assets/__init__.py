"""What the built site's stylesheets keep of Material's: the book's colours, the icons it draws."""
