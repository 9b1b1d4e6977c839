"""Small helpers the apps share that are not settings: who is asking (client_address), the
site's own address (site_url) and the content generation that says whether anything kept
from the content is still current (content_generation). Nothing here imports an app."""
