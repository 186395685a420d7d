from django import template

register = template.Library()


@register.filter
def heat_level(count: int, maximum: int) -> int:
    """0 (empty) to 4 (the fullest cells): the shade of a matrix cell."""
    if not count or not maximum:
        return 0
    return min(4, 1 + (4 * count - 1) // maximum) if maximum > 1 else 4
